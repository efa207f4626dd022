import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../hooks/useErrorText';
import { useSyncStatus } from './useSyncStatus';

/** One line in the sidebar: when the history last synced, what waits, or why the last sync failed. Nothing while sync is off. */
export function SyncStatusLine() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const status = useSyncStatus();
  if (!status || status.state === 'off') return null;
  const when = status.lastSyncAt
    ? new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' }).format(status.lastSyncAt)
    : null;
  let text: string;
  if (status.state === 'syncing') {
    text = status.progress ? t('sync.status.progress', status.progress) : t('sync.status.syncing');
  } else if (status.state === 'error' && status.error) {
    text = errorText(status.error);
  } else {
    text = when ? t('sync.status.idle', { when }) : t('sync.status.never');
  }
  const pending = status.pending > 0 && status.state !== 'syncing' ? ` · ${t('sync.status.pending', { count: status.pending })}` : '';
  return (
    <p
      className={`sync-status${status.state === 'error' ? ' is-error' : ''}`}
      data-testid="sync-status"
      role={status.state === 'error' ? 'alert' : 'status'}
      title={status.error?.detail}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      {text}
      {pending}
    </p>
  );
}
