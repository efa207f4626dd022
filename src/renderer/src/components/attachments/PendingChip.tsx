import { forwardRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingAttachment } from '../../state/attachments/pendingAttachments';
import { formatBytes } from '../../state/attachments/fileKinds';
import { FileIcon } from './FileIcon';

interface Props {
  item: PendingAttachment;
  onRemove(): void;
}

/**
 * One file waiting in a message box: thumbnail or type icon, name, size, progress, and ✕.
 * The chip itself takes focus (arrow-free: Tab moves between chips); Delete or Backspace removes it.
 */
export const PendingChip = forwardRef<HTMLDivElement, Props>(function PendingChip({ item, onRemove }, ref) {
  const { t, i18n } = useTranslation();
  const size = formatBytes(item.size, i18n.language);
  const status = t(`attachments.status.${item.status}`);
  const percent = item.progress === null ? null : Math.round(item.progress * 100);
  const working = item.status === 'reading' || item.status === 'uploading' || item.status === 'extracting';
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || (e.key !== 'Delete' && e.key !== 'Backspace')) return;
    e.preventDefault();
    onRemove();
  };
  return (
    <div
      ref={ref}
      className={`attachment-chip attachment-chip--${item.status}`}
      data-testid="pending-attachment"
      data-status={item.status}
      data-name={item.name}
      tabIndex={0}
      role="group"
      aria-label={t('attachments.chipLabel', { name: item.name, size, status })}
      aria-description={t('attachments.removeHint')}
      onKeyDown={onKeyDown}
    >
      {item.previewUrl ? (
        <img className="attachment-chip__thumb" src={item.previewUrl} alt="" draggable={false} />
      ) : (
        <FileIcon name={item.name} mime={item.mime} />
      )}
      <span className="attachment-chip__text">
        <span className="attachment-chip__name" title={item.name}>
          {item.name}
        </span>
        <span className="attachment-chip__meta">
          {item.status === 'failed' ? (
            <span className="attachment-chip__error">{status}</span>
          ) : (
            <>
              {size}
              {working && ` · ${percent === null ? `${status}…` : t('attachments.progress', { percent })}`}
            </>
          )}
        </span>
      </span>
      {working && (
        <span className="attachment-chip__progress" aria-hidden="true">
          <span style={{ width: percent === null ? undefined : `${percent}%` }} className={percent === null ? 'is-indeterminate' : undefined} />
        </span>
      )}
      <button
        type="button"
        className="icon-button attachment-chip__remove"
        data-testid="pending-attachment-remove"
        aria-label={t('attachments.remove', { name: item.name })}
        title={t('attachments.remove', { name: item.name })}
        tabIndex={-1}
        onClick={onRemove}
      >
        <span className="icon-close" aria-hidden="true" />
      </button>
    </div>
  );
});
