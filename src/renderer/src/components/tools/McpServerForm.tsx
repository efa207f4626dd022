import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { McpPair, McpServerDraft, McpServerView } from '../../../../shared/contract';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { Modal } from '../Modal';
import { McpPairRows } from './McpPairRows';

interface Fields {
  name: string;
  enabled: boolean;
  kind: 'stdio' | 'http';
  command: string;
  /** One argument per line: arguments may contain spaces, so no shell-style splitting. */
  args: string;
  cwd: string;
  env: McpPair[];
  url: string;
  headers: McpPair[];
}

function fieldsOf(server: McpServerView | null): Fields {
  const empty: Fields = { name: '', enabled: true, kind: 'stdio', command: '', args: '', cwd: '', env: [], url: '', headers: [] };
  if (!server) return empty;
  const { config } = server;
  const t = config.transport;
  return t.kind === 'stdio'
    ? { ...empty, name: config.name, enabled: config.enabled, command: t.command, args: t.args.join('\n'), cwd: t.cwd, env: t.env }
    : { ...empty, name: config.name, enabled: config.enabled, kind: 'http', url: t.url, headers: t.headers };
}

function draftOf(f: Fields, id: string | undefined): McpServerDraft {
  const transport: McpServerDraft['transport'] =
    f.kind === 'stdio'
      ? { kind: 'stdio', command: f.command, args: f.args.split('\n').filter((a) => a.trim() !== ''), cwd: f.cwd, env: f.env.filter((p) => p.name.trim()) }
      : { kind: 'http', url: f.url, headers: f.headers.filter((p) => p.name.trim()) };
  return { ...(id ? { id } : {}), name: f.name, enabled: f.enabled, transport };
}

/** Add or edit one server: stdio (command, arguments, folder, environment) or HTTP (URL, headers). */
export function McpServerForm({ server, onClose }: { server: McpServerView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { client } = useController();
  const errorText = useErrorText();
  const titleId = useId();
  const [f, setF] = useState<Fields>(() => fieldsOf(server));
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Fields>) => setF({ ...f, ...patch });
  const canSave = f.name.trim() !== '' && (f.kind === 'stdio' ? f.command.trim() !== '' : f.url.trim() !== '');

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.request('tools.saveServer', { draft: draftOf(f, server?.config.id) });
      onClose();
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy={titleId} onClose={onClose} className="mcp-form" testId="mcp-server-form">
      <form
        className="mcp-form__body"
        onSubmit={(e) => {
          e.preventDefault();
          if (canSave && !busy) void save();
        }}
      >
        <h2 id={titleId} className="modal__title">
          {t(server ? 'mcp.form.titleEdit' : 'mcp.form.titleAdd')}
        </h2>
        <label className="field">
          <span className="field__label">{t('mcp.form.name')}</span>
          <input data-testid="mcp-name" data-autofocus value={f.name} maxLength={100} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <fieldset className="mcp-form__kind">
          <legend className="field__label">{t('mcp.form.kind')}</legend>
          {(['stdio', 'http'] as const).map((kind) => (
            <label key={kind} className="mcp-form__radio">
              <input type="radio" name="mcp-kind" data-testid={`mcp-kind-${kind}`} checked={f.kind === kind} onChange={() => set({ kind })} />
              {t(`mcp.form.kind_${kind}`)}
            </label>
          ))}
        </fieldset>
        {f.kind === 'stdio' ? (
          <>
            <label className="field">
              <span className="field__label">{t('mcp.form.command')}</span>
              <input data-testid="mcp-command" spellCheck={false} placeholder="npx" value={f.command} onChange={(e) => set({ command: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">{t('mcp.form.args')}</span>
              <textarea data-testid="mcp-args" spellCheck={false} rows={3} placeholder={'-y\n@modelcontextprotocol/server-filesystem'} value={f.args} onChange={(e) => set({ args: e.target.value })} />
              <span className="field__hint">{t('mcp.form.argsHint')}</span>
            </label>
            <label className="field">
              <span className="field__label">{t('mcp.form.cwd')}</span>
              <input data-testid="mcp-cwd" spellCheck={false} value={f.cwd} onChange={(e) => set({ cwd: e.target.value })} />
              <span className="field__hint">{t('mcp.form.cwdHint')}</span>
            </label>
            <McpPairRows kind="env" pairs={f.env} stored={server?.storedSecrets ?? []} onChange={(env) => set({ env })} />
          </>
        ) : (
          <>
            <label className="field">
              <span className="field__label">{t('mcp.form.url')}</span>
              <input data-testid="mcp-url" type="url" spellCheck={false} placeholder="https://example.com/mcp" value={f.url} onChange={(e) => set({ url: e.target.value })} />
              <span className="field__hint">{t('mcp.form.urlHint')}</span>
            </label>
            <McpPairRows kind="headers" pairs={f.headers} stored={server?.storedSecrets ?? []} onChange={(headers) => set({ headers })} />
          </>
        )}
        <label className="field field--row toggle-row">
          <span className="field__label">{t('mcp.form.enabled')}</span>
          <input type="checkbox" data-testid="mcp-form-enabled" checked={f.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        </label>
        {error && (
          <p className="field__error" role="alert" data-testid="mcp-form-error" title={error.detail}>
            {errorText(error)}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="mcp-save" disabled={!canSave || busy}>
            {t('mcp.form.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
