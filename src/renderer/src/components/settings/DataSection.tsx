import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; result: ImportResult } | { kind: 'error'; error: AppErrorData };

/** Import ChatGPT's conversations.json or a Brook export; export everything as JSON. */
export function DataSection() {
  const { t } = useTranslation();
  const controller = useController();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const importFile = async (file: File) => {
    setStatus({ kind: 'busy' });
    try {
      setStatus({ kind: 'done', result: await controller.transfer.importText(await file.text()) });
    } catch (err) {
      setStatus({ kind: 'error', error: toErrorData(err) });
    }
  };

  return (
    <section className="settings-section" aria-labelledby="settings-data" data-testid="data-section">
      <h3 id="settings-data">{t('transfer.title')}</h3>
      <p className="field__hint">{t('transfer.importHint')}</p>
      <div className="data-section__actions">
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          data-testid="import-file"
          aria-label={t('transfer.import')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" className="button" data-testid="import-button" disabled={status.kind === 'busy'} onClick={() => input.current?.click()}>
          {t('transfer.import')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-all"
          onClick={() => controller.transfer.exportAll().catch((err: unknown) => setStatus({ kind: 'error', error: toErrorData(err) }))}
        >
          {t('transfer.exportAll')}
        </button>
      </div>
      <p className="data-section__status" role="status" data-testid="import-status">
        {status.kind === 'busy' && t('transfer.importing')}
        {status.kind === 'done' &&
          t('transfer.imported', {
            conversations: status.result.conversations,
            messages: status.result.messages,
            unchanged: status.result.unchanged,
          })}
        {status.kind === 'error' && <span className="field__error">{errorText(status.error)}</span>}
      </p>
    </section>
  );
}
