import { useTranslation } from 'react-i18next';
import { useErrorText } from '../hooks/useErrorText';
import { useAppState, useController } from '../state/context';

/** Browser mode only: the link to the server is down or was never authorized. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const connection = useAppState((s) => s.connection);
  if (connection !== 'reconnecting' && connection !== 'no-token') return null;
  return (
    <div className="banner" role="status">
      {connection === 'no-token' ? t('connection.noToken') : t('connection.reconnecting')}
    </div>
  );
}

/** A failure not tied to a form (loading, renaming, deleting…). */
export function NoticeToast() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const controller = useController();
  const notice = useAppState((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="toast" role="alert">
      <span>{errorText(notice)}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('common.dismiss')}
        title={t('common.dismiss')}
        onClick={() => controller.dismissNotice()}
      >
        <span className="icon-close" aria-hidden="true" />
      </button>
    </div>
  );
}

/** The history failed its startup check: say so, where the copy is, and what to do. */
export function HistoryHealthBanner() {
  const { t } = useTranslation();
  const health = useAppState((s) => s.health);
  if (!health || health.status === 'ok') return null;
  return (
    <div className="banner banner--danger" role="alert" data-testid="history-health">
      {t(health.status === 'damaged' ? 'backup.damaged' : 'backup.replaced', { path: health.copyPath ?? '' })}
    </div>
  );
}
