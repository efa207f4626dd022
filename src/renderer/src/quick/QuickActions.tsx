import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/domain';
import { copyText } from '../markdown/copyText';
import { useController } from '../state/context';

/** Under the answer: copy it, or continue the conversation in the main window (even mid-answer). */
export function QuickActions({ conversationId, list }: { conversationId: string; list: readonly Message[] }) {
  const { t } = useTranslation();
  const controller = useController();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const answer = list.findLast((m) => m.role === 'assistant');

  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    if (answer) setCopied((await copyText(answer.content)) ? 'done' : 'failed');
  };

  return (
    <div className="quick-actions">
      <button
        type="button"
        className="button button--ghost quick-actions__button"
        data-testid="quick-copy"
        disabled={!answer || answer.content === ''}
        onClick={() => void copy()}
        aria-live="polite"
      >
        <span className="icon-copy" aria-hidden="true" />
        {copied === 'done' ? t('markdown.copied') : copied === 'failed' ? t('markdown.copyFailed') : t('quick.copy')}
      </button>
      <button
        type="button"
        className="button button--ghost quick-actions__button"
        data-testid="quick-continue"
        onClick={() => void controller.desktop.continueInMain(conversationId)}
      >
        <span className="icon-open" aria-hidden="true" />
        {t('quick.continue')}
      </button>
    </div>
  );
}
