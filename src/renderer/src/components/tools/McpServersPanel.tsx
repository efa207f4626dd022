import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { McpServerView } from '../../../../shared/contract';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { ConfirmDialog } from '../ConfirmDialog';
import { McpImportDialog } from './McpImportDialog';
import { McpServerCard } from './McpServerCard';
import { McpServerForm } from './McpServerForm';
import { useMcpServers } from './useMcpServers';
import '../../styles/mcp.css';

type Dialog = { kind: 'none' } | { kind: 'form'; server: McpServerView | null } | { kind: 'import' } | { kind: 'remove'; server: McpServerView };

/**
 * Settings → Tools: the user's MCP servers. Adding, editing, switching servers and tools on and
 * off, revoking "Always allow", importing a Claude Desktop / Cursor JSON. The state of each server
 * follows the core's `tools.changed` events; secrets never come to this window.
 */
export function McpServersPanel() {
  const { t } = useTranslation();
  const { client } = useController();
  const errorText = useErrorText();
  const [servers, setServers] = useMcpServers();
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const [error, setError] = useState<AppErrorData | null>(null);
  const close = () => setDialog({ kind: 'none' });
  const onError = (err: unknown) => setError(toErrorData(err));

  const remove = async (server: McpServerView) => {
    close();
    try {
      setServers(await client.request('tools.removeServer', { id: server.config.id }));
    } catch (err) {
      onError(err);
    }
  };

  return (
    <section className="settings-section" aria-labelledby="settings-mcp" data-testid="mcp-settings">
      <div className="settings-section__head">
        <h3 id="settings-mcp">{t('mcp.title')}</h3>
        <div className="mcp-head-actions">
          <button type="button" className="button" data-testid="mcp-import" onClick={() => setDialog({ kind: 'import' })}>
            {t('mcp.importJson')}
          </button>
          <button type="button" className="button button--primary" data-testid="mcp-add" onClick={() => setDialog({ kind: 'form', server: null })}>
            {t('mcp.add')}
          </button>
        </div>
      </div>
      <p className="field__hint">{t('mcp.intro')}</p>
      <p className="field__hint">{t('mcp.securityNote')}</p>
      {error && (
        <p className="field__error" role="alert" data-testid="mcp-panel-error" title={error.detail}>
          {errorText(error)}
        </p>
      )}
      {servers && servers.length === 0 && <p className="settings-section__empty">{t('mcp.empty')}</p>}
      <div className="mcp-servers">
        {servers?.map((server) => (
          <McpServerCard
            key={server.config.id}
            server={server}
            onEdit={() => setDialog({ kind: 'form', server })}
            onRemove={() => setDialog({ kind: 'remove', server })}
            onUpdated={(updated) => setServers((list) => list?.map((s) => (s.config.id === updated.config.id ? updated : s)) ?? null)}
            onError={onError}
          />
        ))}
      </div>
      {dialog.kind === 'form' && <McpServerForm server={dialog.server} onClose={close} />}
      {dialog.kind === 'import' && <McpImportDialog onClose={close} />}
      {dialog.kind === 'remove' && (
        <ConfirmDialog
          title={t('mcp.removeTitle', { name: dialog.server.config.name })}
          message={t('mcp.removeMessage')}
          confirmLabel={t('mcp.remove')}
          onConfirm={() => void remove(dialog.server)}
          onCancel={close}
        />
      )}
    </section>
  );
}
