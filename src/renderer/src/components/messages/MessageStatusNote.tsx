import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain';
import { useErrorText } from '../../hooks/useErrorText';

interface Props {
  message: Message;
  /** Another answer is streaming in this conversation: retrying must wait. */
  busy: boolean;
  onRetry: () => void;
  onContinue: () => void;
}

/** An answer that was cut short (stopped, interrupted, failed midway or out of output tokens) can be continued. */
export function canContinue(message: Message): boolean {
  if (message.role !== 'assistant') return false;
  if (message.status === 'done') return message.finishReason === 'length' && message.content !== '';
  const cut = message.status === 'stopped' || message.status === 'interrupted' || message.status === 'error';
  return cut && message.content.trim() !== '';
}

/**
 * What happened to an answer that did not finish normally. Retry is offered for every error,
 * not only `retryable` ones: after an auth or quota error the user fixes the key or plan in
 * Settings and then wants the same question answered. Retryable errors get the primary style.
 */
export function MessageStatusNote({ message, busy, onRetry, onContinue }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const continueButton = canContinue(message) && (
    <button type="button" className="button" data-testid="continue" disabled={busy} onClick={onContinue}>
      {t('message.continue')}
    </button>
  );

  if (message.status === 'error') {
    const error = message.error;
    return (
      <div className="message-error" data-testid="message-error" role="alert">
        <p className="message-error__text">{error ? errorText(error) : t('errors.internal')}</p>
        {error?.detail && (
          <details className="message-error__detail">
            <summary>{t('message.errorDetails')}</summary>
            <code>{error.detail}</code>
          </details>
        )}
        <button
          type="button"
          className={error?.retryable === false ? 'button' : 'button button--primary'}
          data-testid="retry"
          disabled={busy}
          onClick={onRetry}
        >
          {t('message.retry')}
        </button>
        {continueButton}
      </div>
    );
  }

  if (message.status === 'stopped' || message.status === 'interrupted') {
    return (
      <div className="message-note">
        <span>{message.status === 'stopped' ? t('message.stopped') : t('message.interrupted')}</span>
        <button type="button" className="link-button" data-testid="regenerate" disabled={busy} onClick={onRetry}>
          {t('message.regenerate')}
        </button>
        {continueButton && (
          <button type="button" className="link-button" data-testid="continue" disabled={busy} onClick={onContinue}>
            {t('message.continue')}
          </button>
        )}
      </div>
    );
  }

  if (message.status === 'done' && message.content === '' && !message.reasoning) {
    return <div className="message-note" data-testid="empty-finished">{t('errors.emptyFinished')}</div>;
  }

  if (continueButton) {
    return (
      <div className="message-note">
        <span>{t('message.cutOff')}</span>
        <button type="button" className="link-button" data-testid="continue" disabled={busy} onClick={onContinue}>
          {t('message.continue')}
        </button>
      </div>
    );
  }

  return null;
}
