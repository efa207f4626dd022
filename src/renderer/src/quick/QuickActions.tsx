import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../markdown/copyText';
import { useAppState, useController } from '../state/context';
import { canCopyAnswer, lastAnswer } from './quickSelectors';

/**
 * Under the answer: copy it, or continue the conversation in the main window (even mid-answer).
 * The answer is read when Copy is clicked, not subscribed to: it changes with every delta.
 */
export function QuickActions({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const controller = useController();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const canCopy = useAppState(canCopyAnswer);

  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 1500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    const answer = lastAnswer(controller.store.getState());
    if (answer) setCopied((await copyText(answer.content)) ? 'done' : 'failed');
  };

  return (
    <div className="quick-actions">
      <button
        type="button"
        className="button button--ghost quick-actions__button"
        data-testid="quick-copy"
        disabled={!canCopy}
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
