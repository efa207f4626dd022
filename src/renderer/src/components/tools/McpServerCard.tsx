import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { McpServerView, McpToolView } from '../../../../shared/contract';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';

interface Props {
  server: McpServerView;
  onEdit: () => void;
  onRemove: () => void;
  /** The server as a request returned it (events bring the same a moment later). */
  onUpdated: (server: McpServerView) => void;
  /** Reports a refused request (the panel shows it). */
  onError: (err: unknown) => void;
}

function summaryOf({ config }: McpServerView): string {
  const t = config.transport;
  return t.kind === 'stdio' ? [t.command, ...t.args].join(' ') : t.url;
}

/** One server: what it runs, its state (with the reason and stderr tail when it failed), its switches, tools and always-allowed tools. */
export function McpServerCard({ server, onEdit, onRemove, onUpdated, onError }: Props) {
  const { t, i18n } = useTranslation();
  const { client } = useController();
  const errorText = useErrorText();
  const { config, state, tools } = server;
  const id = config.id;
  // A switch shows the user's choice at once, until the core's answer replaces it.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const switchTo = (key: string, value: boolean, work: () => Promise<McpServerView>) => {
    setPending((p) => ({ ...p, [key]: value }));
    void work()
      .then(onUpdated, onError)
      .finally(() =>
        setPending((p) => {
          const { [key]: _done, ...rest } = p;
          return rest;
        }),
      );
  };
  const enabled = pending[':server'] ?? config.enabled;

  return (
    <article className="mcp-server" data-testid="mcp-server" data-name={config.name} aria-label={config.name}>
      <header className="mcp-server__head">
        <div className="mcp-server__title">
          <strong>{config.name}</strong>
          <code className="mcp-server__summary" title={summaryOf(server)}>
            {summaryOf(server)}
          </code>
        </div>
        <span className={`mcp-badge mcp-badge--${enabled ? state.status : 'off'}`} data-testid="mcp-status" data-status={enabled ? state.status : 'off'}>
          {enabled ? t(`mcp.status.${state.status}`, { count: tools.length }) : t('mcp.status.off')}
        </span>
      </header>
      {state.error && (state.status === 'failed' || state.status === 'restarting') && (
        <div className="mcp-server__problem" role="alert" data-testid="mcp-error">
          <p title={state.error.detail}>{errorText(state.error)}</p>
          {state.status === 'restarting' && <p className="field__hint">{t('mcp.restartingNote', { attempt: state.restartAttempt })}</p>}
          {state.stderrTail && (
            <details>
              <summary>{t('mcp.stderr')}</summary>
              <pre className="mcp-server__stderr" data-testid="mcp-stderr">
                {state.stderrTail}
              </pre>
            </details>
          )}
        </div>
      )}
      {enabled && state.status === 'ready' && state.reconnectedAt !== null && (
        <p className="field__hint" data-testid="mcp-reconnected">
          {t('mcp.reconnectedNote', { time: new Date(state.reconnectedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }) })}
        </p>
      )}
      <div className="mcp-server__actions">
        <label className="mcp-server__switch">
          <input
            type="checkbox"
            data-testid="mcp-enabled"
            checked={enabled}
            onChange={(e) => {
              const on = e.target.checked;
              switchTo(':server', on, () => client.request('tools.setServerEnabled', { id, enabled: on }));
            }}
          />
          {t('mcp.enabled')}
        </label>
        <button type="button" className="button" data-testid="mcp-restart" disabled={!enabled} onClick={() => void client.request('tools.restartServer', { id }).then(onUpdated, onError)}>
          {t(state.status === 'stopped' ? 'mcp.start' : 'mcp.restart')}
        </button>
        <button type="button" className="button" data-testid="mcp-edit" onClick={onEdit}>
          {t('mcp.edit')}
        </button>
        <button type="button" className="button button--danger" data-testid="mcp-remove" onClick={onRemove}>
          {t('mcp.remove')}
        </button>
      </div>
      {tools.length > 0 && (
        <details className="mcp-tools" open>
          <summary>{t('mcp.toolsHeading', { count: tools.length })}</summary>
          <ul>
            {tools.map((tool) => (
              <ToolRow
                key={tool.name}
                tool={tool}
                enabled={pending[tool.name] ?? tool.enabled}
                onToggle={(on) => switchTo(tool.name, on, () => client.request('tools.setToolEnabled', { serverId: id, tool: tool.name, enabled: on }))}
              />
            ))}
          </ul>
        </details>
      )}
      {config.alwaysAllowed.length > 0 && (
        <div className="mcp-allowed" data-testid="mcp-always-allowed">
          <span className="field__label">{t('mcp.alwaysAllowed')}</span>
          <ul>
            {config.alwaysAllowed.map((name) => (
              <li key={name}>
                <code>{name}</code>
                <button type="button" className="button" data-testid="mcp-revoke" onClick={() => void client.request('tools.revokeAlwaysAllow', { serverId: id, tool: name }).then(onUpdated, onError)}>
                  {t('mcp.revoke')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function ToolRow({ tool, enabled, onToggle }: { tool: McpToolView; enabled: boolean; onToggle: (enabled: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <li className="mcp-tool" data-testid="mcp-tool" data-name={tool.name}>
      <div className="mcp-tool__head">
        <code className="mcp-tool__name">{tool.name}</code>
        <input type="checkbox" data-testid="mcp-tool-enabled" aria-label={t('mcp.useTool', { name: tool.name })} checked={enabled} onChange={(e) => onToggle(e.target.checked)} />
      </div>
      {tool.description && <p className="mcp-tool__description">{tool.description}</p>}
      <details className="mcp-tool__schema">
        <summary>{t('mcp.inputSchema')}</summary>
        <pre>{JSON.stringify(tool.inputSchema, null, 2)}</pre>
      </details>
    </li>
  );
}
