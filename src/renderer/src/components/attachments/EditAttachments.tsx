import { useMemo } from 'react';
import type { Attachment } from '../../../../shared/attachments';
import type { PendingAttachment } from '../../state/attachments/pendingAttachments';
import { PendingAttachmentList } from './PendingAttachmentList';

interface Props {
  attachments: readonly Attachment[];
  onRemove(id: string): void;
  focusAfterLast(): void;
}

/** The files of a question being edited, as chips that can be removed (they are already stored). */
export function EditAttachments({ attachments, onRemove, focusAfterLast }: Props) {
  const items = useMemo(
    () =>
      attachments.map(
        (a): PendingAttachment => ({
          key: a.id,
          name: a.name,
          size: a.size,
          mime: a.mime,
          previewUrl: null,
          status: 'ready',
          progress: null,
          attachmentId: a.id,
          error: null,
        }),
      ),
    [attachments],
  );
  return <PendingAttachmentList items={items} onRemove={onRemove} focusAfterLast={focusAfterLast} />;
}
