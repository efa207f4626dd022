import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/domain';
import { useErrorText } from '../../hooks/useErrorText';

interface Props {
  message: Message;
  /** Another answer is streaming in this conversation: retrying must wait. */
  busy: boolean;
  onRetry: () => void;
}

/**
 * What happened to an answer that did not finish normally. Retry is offered for every error,
 * not only `retryable` ones: after an auth or quota error the user fixes the key or plan in
 * Settings and then wants the same question answered. Retryable errors get the primary style.
 */
export function MessageStatusNote({ message, busy, onRetry }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();

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
      </div>
    );
  }

  return null;
}
