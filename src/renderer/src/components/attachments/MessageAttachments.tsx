import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/attachments';
import { useController } from '../../state/context';
import { formatBytes } from '../../state/attachments/fileKinds';
import { DocumentViewer } from './DocumentViewer';
import { FileIcon } from './FileIcon';
import { ImageViewer } from './ImageViewer';

type Open = { kind: 'image'; index: number } | { kind: 'document'; attachment: Attachment } | null;

/**
 * The files of a sent message: images as thumbnails (read from the core's store, so they show
 * offline and after a restart) that open in the viewer, documents as chips that show their text.
 */
export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] }) {
  const { t, i18n } = useTranslation();
  const controller = useController();
  const [open, setOpen] = useState<Open>(null);
  const images = attachments.filter((a) => a.kind === 'image');
  const loadImage = useCallback((id: string) => controller.attachments.image(id), [controller]);
  const close = useCallback(() => setOpen(null), []);
  const openDocument = open?.kind === 'document' ? open.attachment : null;
  const loadText = useCallback(() => {
    if (!openDocument) return Promise.reject(new Error('no document open'));
    return controller.attachments.documentText(openDocument.id);
  }, [controller, openDocument]);
  if (attachments.length === 0) return null;

  return (
    <div className="message-attachments" role="list" aria-label={t('attachments.inMessage')} data-testid="message-attachments">
      {attachments.map((a) => (
        <div role="listitem" key={a.id}>
          {a.kind === 'image' ? (
            <button
              type="button"
              className="message-attachment message-attachment--image"
              data-testid="message-attachment-image"
              data-name={a.name}
              aria-label={t('attachments.openImage', { name: a.name })}
              title={a.name}
              onClick={() => setOpen({ kind: 'image', index: images.indexOf(a) })}
            >
              <Thumbnail id={a.id} />
            </button>
          ) : (
            <button
              type="button"
              className="message-attachment"
              data-testid="message-attachment-document"
              data-name={a.name}
              aria-label={t('attachments.openDocument', { name: a.name })}
              title={a.name}
              onClick={() => setOpen({ kind: 'document', attachment: a })}
            >
              <FileIcon name={a.name} mime={a.mime} />
              <span className="message-attachment__text">
                <span className="message-attachment__name">{a.name}</span>
                <span className="message-attachment__meta">{formatBytes(a.size, i18n.language)}</span>
              </span>
            </button>
          )}
        </div>
      ))}
      {open?.kind === 'image' && <ImageViewer images={images} startIndex={open.index} load={loadImage} onClose={close} />}
      {openDocument && <DocumentViewer name={openDocument.name} size={openDocument.size} load={loadText} onClose={close} />}
    </div>
  );
}

/** A small picture of a stored image; the core makes it once and keeps it on disk. */
export function Thumbnail({ id }: { id: string }) {
  const { t } = useTranslation();
  const controller = useController();
  const [src, setSrc] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    controller.attachments.thumbnail(id).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [controller, id]);
  if (src === null) return <span className="message-attachment__thumb message-attachment__thumb--missing">{t('attachments.imageMissing')}</span>;
  return src === undefined ? (
    <span className="message-attachment__thumb" aria-busy="true" />
  ) : (
    <img className="message-attachment__thumb" data-testid="message-attachment-thumb" src={src} alt="" draggable={false} />
  );
}
