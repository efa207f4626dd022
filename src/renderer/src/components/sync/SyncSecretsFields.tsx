import { useTranslation } from 'react-i18next';
import type { SyncSettings, SyncSettingsView } from '../../../../shared/contract';
import { Toggle } from '../settings/Toggle';

interface Props {
  draft: SyncSettings;
  view: SyncSettingsView;
  secrets: { password: string; passphrase: string };
  onSecrets: (secrets: { password: string; passphrase: string }) => void;
  onChange: (patch: Partial<SyncSettings>) => void;
}

/** The password, the device name, the interval and end-to-end encryption with its passphrase. */
export function SyncSecretsFields({ draft, view, secrets, onSecrets, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span className="field__label">{t('sync.password')}</span>
        <input type="password" data-testid="sync-password" autoComplete="off" value={secrets.password} onChange={(e) => onSecrets({ ...secrets, password: e.target.value })} />
        {view.hasPassword && <span className="field__hint">{t('sync.passwordKept')}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('sync.deviceName')}</span>
        <input type="text" data-testid="sync-device-name" value={draft.deviceName} onChange={(e) => onChange({ deviceName: e.target.value })} />
      </label>
      <label className="field field--row">
        <span className="field__label">{t('sync.interval')}</span>
        <input
          type="number"
          min={1}
          max={1440}
          data-testid="sync-interval"
          value={draft.intervalMinutes}
          onChange={(e) => onChange({ intervalMinutes: Math.min(1440, Math.max(1, Math.round(Number(e.target.value) || 1))) })}
        />
      </label>
      <Toggle testId="sync-encrypt" label={t('sync.encrypt')} checked={draft.encrypt} onChange={(encrypt) => onChange({ encrypt })} />
      <span className="field__hint">{t('sync.encryptHint')}</span>
      {draft.encrypt && (
        <label className="field">
          <span className="field__label">{t('sync.passphrase')}</span>
          <input type="password" data-testid="sync-passphrase" autoComplete="off" value={secrets.passphrase} onChange={(e) => onSecrets({ ...secrets, passphrase: e.target.value })} />
          {view.hasPassphrase && <span className="field__hint">{t('sync.passphraseKept')}</span>}
        </label>
      )}
    </>
  );
}
