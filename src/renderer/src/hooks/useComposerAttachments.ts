import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../shared/errors';
import { checkAttachmentLimits, COMPOSER_LIMITS } from '../state/attachments/attachmentLimits';
import { formatBytes } from '../state/attachments/fileKinds';
import { readyBatch, sendState, type PendingAttachment } from '../state/attachments/pendingAttachments';
import { useController } from '../state/context';
import type { SubmitExtras } from './useSubmitText';

/** The files of one message box and what can be done with them. */
export interface ComposerAttachments {
  items: readonly PendingAttachment[];
  /** Why files were not added (limits, unreadable); cleared by the next add or by the user. */
  notes: readonly AppErrorData[];
  add(files: File[]): void;
  remove(key: string): void;
  dismissNotes(): void;
  /** For useSubmitText: files alone may be sent; not while they upload or after one failed. */
  extras: SubmitExtras;
  /** The files to send now: the core's ids, and the chips' keys for `sent`. */
  batch(): { ids: string[]; keys: string[] };
  /** The message went: its files leave the box. */
  sent(keys: readonly string[]): void;
  /** The limits, as the drop zone states them. */
  limitsText: string;
}

const NO_NOTES: readonly AppErrorData[] = [];
const WAIT: AppErrorData = { code: 'bad_request', messageKey: 'attachments.stillUploading', retryable: true };
const FAILED: AppErrorData = { code: 'bad_request', messageKey: 'attachments.failedBlock', retryable: false };

/**
 * The chips of the message box for `draft` (a conversation id, or '' for the blank chat).
 * Files are checked against the limits before anything is read, then uploaded to the core
 * one by one; a file refused keeps nothing else from being added, and never the typed text.
 */
export function useComposerAttachments(draft: string): ComposerAttachments {
  const { t, i18n } = useTranslation();
  const controller = useController();
  const pendingAttachments = controller.attachments.pending;
  const limits = COMPOSER_LIMITS;
  // The notes belong to the draft they were made for: another conversation shows none.
  const [noted, setNoted] = useState<{ draft: string; notes: readonly AppErrorData[] }>({ draft, notes: [] });
  const notes = noted.draft === draft ? noted.notes : NO_NOTES;
  const subscribe = useCallback((listener: () => void) => pendingAttachments.subscribe(listener), [pendingAttachments]);
  const items = useSyncExternalStore(subscribe, () => pendingAttachments.list(draft));

  // Files added to the blank chat stay with it once it becomes a conversation (also when its first send fails).
  const shownFor = useRef(draft);
  useEffect(() => {
    const previous = shownFor.current;
    shownFor.current = draft;
    if (previous === '' && draft !== '' && draft === controller.store.getState().createdId) pendingAttachments.move('', draft);
  }, [controller, pendingAttachments, draft]);

  const add = useCallback(
    (files: File[]) => {
      const check = checkAttachmentLimits(pendingAttachments.list(draft), files, limits, (n) => formatBytes(n, i18n.language));
      setNoted({ draft, notes: check.refused.map((r) => r.error) });
      const added = pendingAttachments.add(
        draft,
        check.accepted.map((file) => ({
          name: file.name,
          size: file.size,
          mime: file.type,
          previewUrl: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
        })),
      );
      added.forEach((item, i) => {
        const file = check.accepted[i];
        if (file) void controller.attachments.upload(item.key, file);
      });
    },
    [controller, pendingAttachments, draft, limits, i18n.language],
  );

  const extras = useMemo<SubmitExtras>(
    () => ({
      hasContent: () => pendingAttachments.list(draft).length > 0,
      blocker: () => {
        const state = sendState(pendingAttachments.list(draft));
        return state === 'busy' ? WAIT : state === 'failed' ? FAILED : null;
      },
    }),
    [pendingAttachments, draft],
  );

  const size = (n: number) => formatBytes(n, i18n.language);
  return {
    items,
    notes,
    add,
    remove: useCallback((key: string) => pendingAttachments.remove(key), [pendingAttachments]),
    dismissNotes: useCallback(() => setNoted({ draft, notes: NO_NOTES }), [draft]),
    extras,
    batch: useCallback(() => readyBatch(pendingAttachments.list(draft)), [pendingAttachments, draft]),
    sent: useCallback((keys: readonly string[]) => pendingAttachments.removeSent(keys), [pendingAttachments]),
    limitsText: t('attachments.dropLimits', { count: limits.maxCount, file: size(limits.maxFileBytes), message: size(limits.maxMessageBytes) }),
  };
}
