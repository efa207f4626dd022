import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../Modal';

export interface ViewerImage {
  id: string;
  name: string;
}

interface Props {
  images: readonly ViewerImage[];
  startIndex: number;
  /** The picture to show for an image (a data or blob URL from the core, so it works offline). */
  load(id: string): Promise<string>;
  onClose(): void;
}

/**
 * The images of one message, large, in a modal dialog: Escape closes (focus returns to the
 * thumbnail that opened it), ← → go between the images, Tab stays inside. Pictures are shown
 * with <img> only — an SVG or HTML file never runs as a page here.
 */
export function ImageViewer({ images, startIndex, load, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [index, setIndex] = useState(startIndex);
  const [shown, setShown] = useState<{ id: string; src: string | null } | null>(null);
  const image = images[index];
  const count = images.length;

  useEffect(() => {
    if (!image) return;
    let live = true;
    load(image.id).then(
      (src) => live && setShown({ id: image.id, src }),
      () => live && setShown({ id: image.id, src: null }),
    );
    return () => {
      live = false;
    };
  }, [image, load]);

  const step = (by: number) => setIndex((i) => (i + by + count) % count);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (count < 2) return;
    if (e.key === 'ArrowRight') step(1);
    else if (e.key === 'ArrowLeft') step(-1);
    else return;
    e.preventDefault();
  };
  if (!image) return null;
  const current = shown?.id === image.id ? shown : null;

  return (
    <Modal labelledBy={titleId} onClose={onClose} className="image-viewer" testId="image-viewer">
      <div className="image-viewer__body" onKeyDown={onKeyDown}>
        <header className="image-viewer__bar">
          <h2 id={titleId} className="image-viewer__title" title={image.name}>
            {image.name}
          </h2>
          {count > 1 && (
            <span className="image-viewer__position" data-testid="image-viewer-position">
              {t('attachments.viewer.position', { index: index + 1, count })}
            </span>
          )}
          <button type="button" className="icon-button" data-autofocus aria-label={t('attachments.viewer.close')} title={t('attachments.viewer.close')} onClick={onClose}>
            <span className="icon-close" aria-hidden="true" />
          </button>
        </header>
        <div className="image-viewer__stage">
          {count > 1 && (
            <button type="button" className="image-viewer__nav image-viewer__nav--prev" aria-label={t('attachments.viewer.previous')} title={t('attachments.viewer.previous')} onClick={() => step(-1)}>
              ‹
            </button>
          )}
          {current === null ? (
            <span className="spinner" aria-busy="true" />
          ) : current.src === null ? (
            <p className="image-viewer__missing">{t('attachments.imageMissing')}</p>
          ) : (
            <img className="image-viewer__image" data-testid="image-viewer-image" src={current.src} alt={image.name} />
          )}
          {count > 1 && (
            <button type="button" className="image-viewer__nav image-viewer__nav--next" aria-label={t('attachments.viewer.next')} title={t('attachments.viewer.next')} onClick={() => step(1)}>
              ›
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
