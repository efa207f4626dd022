import { useEffect, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtraProps } from 'react-markdown';
import { copyText } from './copyText';

type PreProps = ComponentPropsWithoutRef<'pre'> & ExtraProps;

/** The language from the `language-xxx` class remark gives the inner <code>. */
function languageOf(node: PreProps['node']): string | null {
  const code = node?.children[0];
  if (!code || code.type !== 'element' || code.tagName !== 'code') return null;
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return null;
  for (const c of classes) {
    if (typeof c === 'string' && c.startsWith('language-')) return c.slice('language-'.length);
  }
  return null;
}

/** A fenced code block with its language and a Copy button. */
export function CodeBlock({ node, children, ...rest }: PreProps) {
  const { t } = useTranslation();
  const preRef = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const language = languageOf(node);

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
