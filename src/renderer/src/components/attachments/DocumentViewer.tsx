import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import type { DocumentTextView } from '../../state/AttachmentsController';
import { toErrorData } from '../../state/errors';
import { formatBytes } from '../../state/attachments/fileKinds';
import { Modal } from '../Modal';

interface Props {
  name: string;
  size: number;
  load(): Promise<DocumentTextView>;
  onClose(): void;
}

/** The text of an attached document, as plain text (never markdown or HTML), with the note if it was cut. */
export function DocumentViewer({ name, size, load, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  const [doc, setDoc] = useState<DocumentTextView | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && setDoc(d),
      (err: unknown) => live && setError(toErrorData(err)),
    );
    return () => {
      live = false;
    };
  }, [load]);

  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <Modal labelledBy={titleId} onClose={onClose} className="document-viewer" testId="document-viewer">
      <header className="document-viewer__bar">
        <div className="document-viewer__heading">
          <h2 id={titleId} className="modal__title document-viewer__title" title={name}>
            {name}
          </h2>
          {doc && <span className="document-viewer__meta">{t('attachments.document.size', { size: formatBytes(size, i18n.language), chars: number(doc.text.length) })}</span>}
        </div>
        <button type="button" className="icon-button" data-autofocus aria-label={t('attachments.viewer.close')} title={t('attachments.viewer.close')} onClick={onClose}>
          <span className="icon-close" aria-hidden="true" />
        </button>
      </header>
      {doc?.cut && (
        <p className="document-viewer__cut" role="note" data-testid="document-viewer-cut">
          {t('attachments.document.cut', { kept: number(doc.cut.keptChars), total: number(doc.cut.totalChars) })}
        </p>
      )}
      <div className="document-viewer__body">
        {error ? (
          <p className="composer__error" role="alert">
            {errorText(error)}
          </p>
        ) : doc === null ? (
          <p className="document-viewer__loading" aria-busy="true">
            {t('attachments.document.loading')}
          </p>
        ) : doc.text === '' ? (
          <p className="document-viewer__loading">{t('attachments.document.empty')}</p>
        ) : (
          <pre className="document-viewer__text" data-testid="document-viewer-text" tabIndex={0}>
            {doc.text}
          </pre>
        )}
      </div>
    </Modal>
  );
}
