import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettings as Settings, SyncSettingsView } from '../../../../shared/contract';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { Toggle } from '../settings/Toggle';
import { SyncSecretsFields } from './SyncSecretsFields';
import { SyncServerFields } from './SyncServerFields';
import { useSyncStatus } from './useSyncStatus';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'ok'; text: string } | { kind: 'error'; error: AppErrorData };

/**
 * Settings → Sync, self-contained: the server, the device, encryption, Test connection, Sync
 * now, the progress of a first sync. The password and passphrase go to the core's secret
 * store and never come back to the window.
 */
export function SyncSettings() {
  const { t } = useTranslation();
  const { client } = useController();
  const [view, setView] = useState<SyncSettingsView | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [secrets, setSecrets] = useState({ password: '', passphrase: '' });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  useEffect(() => {
    void client.request('sync.getSettings', {}).then((v) => {
      setView(v);
      setDraft(v.settings);
    });
  }, [client]);
  if (!view || !draft) return null;

  const act = async (work: () => Promise<string>) => {
    setOutcome({ kind: 'busy' });
    try {
      setOutcome({ kind: 'ok', text: await work() });
    } catch (err) {
      setOutcome({ kind: 'error', error: toErrorData(err) });
    }
  };
  const save = (settings: Settings) =>
    act(async () => {
      let saved: SyncSettingsView;
      try {
        saved = await client.request('sync.saveSettings', { settings, password: secrets.password || undefined, passphrase: secrets.passphrase || undefined });
      } catch (err) {
        // The switch showed the user's choice at once; a refused save puts it back.
        setDraft((d) => (d && view ? { ...d, enabled: view.settings.enabled } : d));
        throw err;
      }
      setView(saved);
      setDraft(saved.settings);
      setSecrets({ password: '', passphrase: '' });
      return t('sync.saved');
    });
  const test = () =>
    act(async () => {
      const { schemaVersion } = await client.request('sync.test', { server: draft, password: secrets.password || undefined });
      return t('sync.testOk', { version: schemaVersion });
    });
  const change = (patch: Partial<Settings>) => setDraft({ ...draft, ...patch });

  return (
    <section className="settings-section" aria-labelledby="settings-sync" data-testid="sync-settings">
      <h3 id="settings-sync">{t('sync.title')}</h3>
      <p className="field__hint">{t('sync.intro')}</p>
      <p className="field__hint" data-testid="sync-not-synced">
        {t('sync.notSynced')}
      </p>
      <Toggle
        testId="sync-enabled"
        label={t('sync.enabled')}
        checked={draft.enabled}
        onChange={(enabled) => {
          setDraft({ ...draft, enabled });
          void save({ ...draft, enabled });
        }}
      />
      <SyncServerFields draft={draft} onChange={change} />
      <SyncSecretsFields draft={draft} view={view} secrets={secrets} onSecrets={setSecrets} onChange={change} />
      <div className="sync-actions">
        <button type="button" className="button button--primary" data-testid="sync-save" onClick={() => void save(draft)}>
          {t('sync.save')}
        </button>
        <button type="button" className="button" data-testid="sync-test" onClick={() => void test()}>
          {t('sync.test')}
        </button>
        <button type="button" className="button" data-testid="sync-now" disabled={!view.settings.enabled} onClick={() => void act(async () => syncNowText(await client.request('sync.now', {})))}>
          {t('sync.syncNow')}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
      <SyncProgress />
    </section>
  );

  function syncNowText(status: { error: AppErrorData | null }): string {
    // toErrorData takes the error's data as it is.
    if (status.error) throw status.error;
    return t('sync.status.idle', { when: new Date().toLocaleTimeString() });
  }
}

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (outcome.kind === 'idle') return null;
  if (outcome.kind === 'error') {
    return (
      <p className="field__error" role="alert" data-testid="sync-outcome" title={outcome.error.detail}>
        {errorText(outcome.error)}
      </p>
    );
  }
  return (
    <p className="field__hint" role="status" data-testid="sync-outcome">
      {outcome.kind === 'busy' ? t('sync.testing') : outcome.text}
    </p>
  );
}

/** The first sync of a big history moves many changes: a bar while it runs. */
function SyncProgress() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  if (!status?.progress) return null;
  const { done, total } = status.progress;
  return (
    <div className="field" data-testid="sync-progress">
      <progress max={total} value={done} aria-label={t('sync.status.syncing')} />
      <span className="field__hint">{t('sync.status.progress', { done, total })}</span>
    </div>
  );
}
