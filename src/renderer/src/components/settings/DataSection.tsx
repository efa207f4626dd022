import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import type { ImportRun } from '../../state/TransferController';

type Status =
  | { kind: 'idle' }
  | { kind: 'importing'; fraction: number; run: ImportRun | null }
  | { kind: 'exporting'; done: number; total: number }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'error'; error: AppErrorData };

/** Import ChatGPT's export (its .zip, or conversations.json alone) or a Brook export; export everything as JSON. Both show their progress; an import can be cancelled. */
export function DataSection() {
  const { t } = useTranslation();
  const controller = useController();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'importing' || status.kind === 'exporting';

  const importFile = async (file: File) => {
    setStatus({ kind: 'importing', fraction: 0, run: null });
    try {
      const onProgress = (fraction: number) => setStatus((s) => (s.kind === 'importing' ? { ...s, fraction } : s));
      // A zip is ChatGPT's whole export (with its images); anything else is read as JSON.
      const run = /\.zip$/i.test(file.name) ? controller.transfer.importZip(file, file.name, onProgress) : controller.transfer.importText(await file.text(), onProgress);
      setStatus((s) => (s.kind === 'importing' ? { ...s, run } : s));
      setStatus({ kind: 'done', result: await run.result });
    } catch (err) {
      setStatus({ kind: 'error', error: toErrorData(err) });
    }
  };

  const exportAll = () => {
    setStatus({ kind: 'exporting', done: 0, total: 0 });
    controller.transfer
      .exportAll((done, total) => setStatus({ kind: 'exporting', done, total }))
      .then(() => setStatus({ kind: 'idle' }))
      .catch((err: unknown) => setStatus({ kind: 'error', error: toErrorData(err) }));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-data" data-testid="data-section">
      <h3 id="settings-data">{t('transfer.title')}</h3>
      <p className="field__hint">{t('transfer.importHint')}</p>
      <div className="data-section__actions">
        <input
          ref={input}
          type="file"
          accept=".json,application/json,.zip,application/zip"
          className="visually-hidden"
          data-testid="import-file"
          aria-label={t('transfer.import')}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" className="button" data-testid="import-button" disabled={busy} onClick={() => input.current?.click()}>
          {t('transfer.import')}
        </button>
        <button type="button" className="button" data-testid="export-all" disabled={busy} onClick={exportAll}>
          {t('transfer.exportAll')}
        </button>
      </div>
      {status.kind === 'importing' && (
        <div className="data-section__progress" data-testid="import-progress">
          <progress max={1} value={status.fraction} aria-label={t('transfer.importing')} />
          <button type="button" className="button" data-testid="import-cancel" disabled={!status.run} onClick={() => void status.run?.cancel()}>
            {t('transfer.cancel')}
          </button>
        </div>
      )}
      <p className="data-section__status" role="status" data-testid="import-status">
        {status.kind === 'importing' && t('transfer.importProgress', { percent: Math.floor(status.fraction * 100) })}
        {status.kind === 'exporting' && status.total > 0 && t('transfer.exporting', { done: status.done, total: status.total })}
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
