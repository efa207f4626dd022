import { useTranslation } from 'react-i18next';
import { DEFAULT_SYNC_PORTS, SYNC_SERVER_KINDS, SYNC_TLS_MODES, type SyncSettings } from '../../../../shared/contract';

interface Props {
  draft: SyncSettings;
  onChange: (patch: Partial<SyncSettings>) => void;
}

/** Which server, where, as whom, and how TLS is checked. */
export function SyncServerFields({ draft, onChange }: Props) {
  const { t } = useTranslation();
  const text = (key: keyof SyncSettings, label: string, testId: string, type = 'text') => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input type={type} data-testid={testId} value={String(draft[key])} spellCheck={false} autoComplete="off" onChange={(e) => onChange({ [key]: e.target.value })} />
    </label>
  );
  return (
    <>
      <label className="field field--row">
        <span className="field__label">{t('sync.kind')}</span>
        <select data-testid="sync-kind" value={draft.kind} onChange={(e) => onChange({ kind: SYNC_SERVER_KINDS.find((k) => k === e.target.value) ?? draft.kind })}>
          {SYNC_SERVER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sync.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {text('host', t('sync.host'), 'sync-host')}
      <label className="field">
        <span className="field__label">{t('sync.port')}</span>
        <input
          type="number"
          min={1}
          max={65535}
          data-testid="sync-port"
          placeholder={t('sync.portDefault', { port: DEFAULT_SYNC_PORTS[draft.kind] })}
          value={draft.port ?? ''}
          onChange={(e) => {
            const port = Number(e.target.value);
            onChange({ port: e.target.value === '' || !Number.isInteger(port) || port < 1 || port > 65535 ? null : port });
          }}
        />
      </label>
      {text('database', t('sync.database'), 'sync-database')}
      {text('user', t('sync.user'), 'sync-user')}
      <label className="field field--row">
        <span className="field__label">{t('sync.tls')}</span>
        <select data-testid="sync-tls" value={draft.tls} onChange={(e) => onChange({ tls: SYNC_TLS_MODES.find((m) => m === e.target.value) ?? draft.tls })}>
          {SYNC_TLS_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`sync.tlsModes.${m}`)}
            </option>
          ))}
        </select>
      </label>
      {draft.tls === 'verify' && (
        <>
          {text('caFile', t('sync.caFile'), 'sync-ca-file')}
          <span className="field__hint">{t('sync.caFileHint')}</span>
        </>
      )}
    </>
  );
}
