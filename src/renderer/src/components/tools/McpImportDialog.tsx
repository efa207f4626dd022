import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MCP_IMPORT_MAX_CHARS, type McpImportResult } from '../../../../shared/contract';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { Modal } from '../Modal';

/** Paste or open the `mcpServers` JSON of Claude Desktop or Cursor; the core checks it and adds the servers. */
export function McpImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { client } = useController();
  const errorText = useErrorText();
  const titleId = useId();
  const [json, setJson] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [result, setResult] = useState<McpImportResult | null>(null);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    // Measured in bytes before reading: a huge file is refused, not loaded.
    if (file.size > MCP_IMPORT_MAX_CHARS) {
      setError({ code: 'bad_request', messageKey: 'mcp.import.tooLarge', params: { kb: MCP_IMPORT_MAX_CHARS / 1024 }, retryable: false });
      return;
    }
    setError(null);
    setJson(await file.text());
  };
  const submit = async () => {
    setError(null);
    setResult(null);
    try {
      setResult(await client.request('tools.importJson', { json }));
    } catch (err) {
      setError(toErrorData(err));
    }
  };

  return (
    <Modal labelledBy={titleId} onClose={onClose} className="mcp-form" testId="mcp-import-dialog">
      <div className="mcp-form__body">
        <h2 id={titleId} className="modal__title">
          {t('mcp.import.title')}
        </h2>
        <p className="field__hint">{t('mcp.import.hint')}</p>
        <label className="field">
          <span className="field__label">{t('mcp.import.paste')}</span>
          <textarea
            data-testid="mcp-import-json"
            data-autofocus
            rows={8}
            spellCheck={false}
            maxLength={MCP_IMPORT_MAX_CHARS}
            placeholder={'{ "mcpServers": { "name": { "command": "npx", "args": ["…"] } } }'}
            value={json}
            onChange={(e) => setJson(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('mcp.import.file')}</span>
          <input type="file" accept=".json,application/json" data-testid="mcp-import-file" onChange={(e) => void open(e.target.files?.[0])} />
        </label>
        {error && (
          <p className="field__error" role="alert" data-testid="mcp-import-error" title={error.detail}>
            {errorText(error)}
          </p>
        )}
        {result && (
          <p className="field__hint" role="status" data-testid="mcp-import-result">
            {t('mcp.import.added', { count: result.added.length, names: result.added.join(', ') })}
            {result.skipped.length > 0 && ` ${t('mcp.import.skipped', { names: result.skipped.map((s) => s.name).join(', ') })}`}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" data-testid="mcp-import-close" onClick={onClose}>
            {t(result ? 'mcp.import.done' : 'common.cancel')}
          </button>
          <button type="button" className="button button--primary" data-testid="mcp-import-submit" disabled={json.trim() === ''} onClick={() => void submit()}>
            {t('mcp.import.submit')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
