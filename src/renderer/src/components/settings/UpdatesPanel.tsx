import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../../shared/contract';
import { useController } from '../../state/context';
import { Toggle } from './Toggle';
import './UpdatesPanel.css';

/** The status now and every change after it (the core sends `updates.status`). */
function useUpdateStatus(): [UpdateStatus | null, (status: UpdateStatus) => void] {
  const { client } = useController();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  useEffect(() => {
    const off = client.on('updates.status', setStatus);
    client.request('updates.status', {}).then(setStatus, () => setStatus(null));
    return off;
  }, [client]);
  return [status, setStatus];
}

/** Release notes arrive as HTML (GitHub) or text: shown as text, never run as HTML. */
function notesAsText(notes: string): string {
  if (!/<[a-z][\s\S]*>/i.test(notes)) return notes.trim();
  const doc = new DOMParser().parseFromString(notes.replace(/<\/(p|li|h\d)>/gi, '$&\n').replace(/<br\s*\/?>/gi, '\n'), 'text/html');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

/** One line saying where the updater is: checking, up to date, downloading, ready, or a quiet error. */
function PhaseLine({ status }: { status: UpdateStatus }) {
  const { t, i18n } = useTranslation();
  const checked = status.checkedAt
    ? ` ${t('updates.lastChecked', { date: new Date(status.checkedAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) })}`
    : '';
  if (status.phase === 'checking') return <p className="field__hint" role="status">{t('updates.checking')}</p>;
  if (status.phase === 'upToDate') return <p className="field__hint" role="status">{t('updates.upToDate') + checked}</p>;
  if (status.phase === 'downloading') {
    return (
      <div role="status">
        <p className="field__hint">{t('updates.downloading', { version: status.version, percent: status.percent ?? 0 })}</p>
        <progress className="updates__progress" max={100} value={status.percent ?? 0} />
      </div>
    );
  }
  if (status.phase === 'error' && status.error) {
    return <p className="field__hint updates__error" role="status" data-testid="updates-error">{t(`updates.errors.${status.error}`) + checked}</p>;
  }
  return null;
}

/** Settings → Updates: the setting, "Check now", progress, release notes and "Restart to update". */
export function UpdatesPanel() {
  const { t } = useTranslation();
  const { client } = useController();
  const [status, setStatus] = useUpdateStatus();
  const [busy, setBusy] = useState(false);
  if (!status) return null;

  const act = (work: () => Promise<UpdateStatus>) => {
    setBusy(true);
    work().then(setStatus, () => undefined).finally(() => setBusy(false));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-updates" data-testid="updates-panel">
      <h3 id="settings-updates">{t('updates.title')}</h3>
      <p className="field__hint">{t('updates.current', { version: status.currentVersion })}</p>
      {!status.supported && status.unsupportedReason ? (
        <p className="field__hint" data-testid="updates-unsupported">{t(`updates.unsupported.${status.unsupportedReason}`)}</p>
      ) : (
        <>
          <Toggle
            testId="updates-auto"
            label={t('updates.autoCheck')}
            checked={status.autoCheck}
            onChange={(enabled) => act(() => client.request('updates.setAutoCheck', { enabled }))}
          />
          <p className="field__hint">{t('updates.autoCheckHint')}</p>
          <PhaseLine status={status} />
          {status.phase === 'ready' && <ReadyBlock status={status} onRestart={() => act(async () => (await client.request('updates.restart', {})).status)} />}
          {status.phase !== 'ready' && (
            <button type="button" className="button" data-testid="updates-check" disabled={busy || status.phase === 'checking' || status.phase === 'downloading'} onClick={() => act(() => client.request('updates.check', {}))}>
              {t('updates.checkNow')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function ReadyBlock({ status, onRestart }: { status: UpdateStatus; onRestart: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="updates__ready">
      <p className="field__hint" role="status">{t('updates.ready', { version: status.version })}</p>
      {status.releaseNotes && (
        <details className="updates__notes">
          <summary>{t('updates.notes', { version: status.version })}</summary>
          <div className="updates__notes-text">{notesAsText(status.releaseNotes)}</div>
        </details>
      )}
      {status.installOnQuit ? (
        <p className="field__hint" role="status" data-testid="updates-deferred">{t('updates.deferred')}</p>
      ) : (
        <button type="button" className="button button--primary" data-testid="updates-restart" onClick={onRestart}>
          {t('updates.restart')}
        </button>
      )}
    </div>
  );
}
