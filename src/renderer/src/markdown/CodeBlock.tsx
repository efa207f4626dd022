import { isValidElement, useEffect, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtraProps } from 'react-markdown';
import { copyText } from './copyText';

type PreProps = ComponentPropsWithoutRef<'pre'> & ExtraProps;

/** The language from the `language-xxx` class remark gives the inner <code>. */
function languageOf(children: ReactNode): string | null {
  const code = Array.isArray(children) ? (children as readonly ReactNode[])[0] : children;
  if (!isValidElement<{ className?: string }>(code) || code.type !== 'code') return null;
  return /(?:^|\s)language-(\S+)/.exec(code.props.className ?? '')?.[1] ?? null;
}

/** A fenced code block with its language and a Copy button. */
export function CodeBlock({ node: _node, children, ...rest }: PreProps) {
  const { t } = useTranslation();
  const preRef = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const language = languageOf(children);

  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    const text = preRef.current?.textContent ?? '';
    setCopied((await copyText(text)) ? 'done' : 'failed');
  };

  return (
    <div className="code-block">
      <div className="code-block__bar">
        <span className="code-block__lang">{language ?? t('markdown.code')}</span>
        <button type="button" className="code-block__copy" onClick={() => void copy()} aria-live="polite">
          {copied === 'done' ? t('markdown.copied') : copied === 'failed' ? t('markdown.copyFailed') : t('markdown.copy')}
        </button>
      </div>
      <pre ref={preRef} {...rest}>
        {children}
      </pre>
    </div>
  );
}
