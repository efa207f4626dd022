import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { ConfirmDialog } from '../ConfirmDialog';

function formatSize(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Back up the history now, or restore one of the backups in the data folder. */
export function BackupSection() {
  const { t, i18n } = useTranslation();
  const controller = useController();
  const errorText = useErrorText();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);

  const refresh = useCallback(() => {
    controller.backups.list().then(setBackups, (err: unknown) => setError(toErrorData(err)));
  }, [controller]);
  useEffect(refresh, [refresh]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const date = (ms: number) => new Date(ms).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="settings-section" aria-labelledby="settings-backup">
      <h3 id="settings-backup">{t('backup.title')}</h3>
      <p className="field__hint">{t('backup.hint')}</p>
      <button
        type="button"
        className="button"
        data-testid="backup-now"
        disabled={busy}
        onClick={() => void run(async () => t('backup.done', { name: (await controller.backups.backupNow()).name }))}
      >
        {t('backup.now')}
      </button>
      {status && (
        <p className="field__hint" role="status" data-testid="backup-status">
          {status}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert" data-testid="backup-error">
          {errorText(error)}
        </p>
      )}
      {backups && backups.length > 0 && <BackupList backups={backups} busy={busy} date={date} onRestore={setConfirm} />}
      {confirm && (
        <ConfirmDialog
          title={t('backup.restoreTitle')}
          message={t('backup.restoreBody', { date: date(confirm.createdAt) })}
          confirmLabel={t('backup.restore')}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const chosen = confirm;
            setConfirm(null);
            void run(async () => {
              await controller.backups.restore(chosen.name);
              return t('backup.restored');
            });
          }}
        />
      )}
    </section>
  );
}

interface ListProps {
  backups: BackupInfo[];
  busy: boolean;
  date(ms: number): string;
  onRestore(backup: BackupInfo): void;
}

/** The copies in the data folder, newest first, each with Restore. */
function BackupList({ backups, busy, date, onRestore }: ListProps) {
  const { t } = useTranslation();
  const kindLabel = (b: BackupInfo) => t(`backup.kind.${b.kind}`);
  return (
    <ul className="backups__list" data-testid="backup-list">
      {backups.map((b) => (
        <li key={b.name} className="backups__item" data-testid="backup-item">
          <span className="backups__name" title={b.name}>
            {date(b.createdAt)} · {kindLabel(b)} · {formatSize(b.size)}
          </span>
          <button type="button" className="button button--ghost" disabled={busy} data-testid="backup-restore" onClick={() => onRestore(b)}>
            {t('backup.restore')}
          </button>
        </li>
      ))}
    </ul>
  );
}
