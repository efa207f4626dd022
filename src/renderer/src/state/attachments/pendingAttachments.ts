import type { Attachment } from '../../../../shared/attachments';
import type { AppErrorData } from '../../../../shared/errors';

/**
 * - `reading`: the window reads the file; `uploading`: its bytes go to the core;
 * - `extracting`: the core reads a document's text; `ready`: it can be sent; `failed`: it cannot.
 */
export type PendingStatus = 'reading' | 'uploading' | 'extracting' | 'ready' | 'failed';

/** One chip in a message box: a file on its way to being an attachment of the next message. */
export interface PendingAttachment {
  /** This window's own id for the chip (the core's id comes later). */
  key: string;
  name: string;
  size: number;
  mime: string;
  /** A local object URL for an image's thumbnail before the core has one. */
  previewUrl: string | null;
  status: PendingStatus;
  /** 0…1 while uploading or extracting, when known. */
  progress: number | null;
  /** The core's id once stored. */
  attachmentId: string | null;
  error: AppErrorData | null;
}

export type PendingPatch = Partial<Pick<PendingAttachment, 'status' | 'progress' | 'attachmentId' | 'error'>>;

type Listener = () => void;

/**
 * The chips of every message box, one list per draft (a conversation, or the blank new chat),
 * kept outside React like the text drafts so a file keeps uploading while the user looks at
 * another conversation and is still there when they come back.
 */
export class PendingAttachments {
  private readonly lists = new Map<string, readonly PendingAttachment[]>();
  private readonly listeners = new Set<Listener>();
  private nextKey = 0;

  constructor(private readonly releaseUrl: (url: string) => void) {}

  list(draft: string): readonly PendingAttachment[] {
    return this.lists.get(draft) ?? EMPTY;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds chips in the `reading` state; returns them (with their keys) in the same order. */
  add(draft: string, files: readonly Pick<PendingAttachment, 'name' | 'size' | 'mime' | 'previewUrl'>[]): PendingAttachment[] {
    const added = files.map((f) => ({
      ...f,
      key: `pending-${++this.nextKey}`,
      status: 'reading' as const,
      progress: null,
      attachmentId: null,
      error: null,
    }));
    if (added.length === 0) return added;
    this.lists.set(draft, [...this.list(draft), ...added]);
    this.emit();
    return added;
  }

  /** Changes one chip wherever it is; a chip removed meanwhile is ignored. */
  update(key: string, patch: PendingPatch): void {
    for (const [draft, list] of this.lists) {
      if (!list.some((p) => p.key === key)) continue;
      this.lists.set(draft, list.map((p) => (p.key === key ? { ...p, ...patch } : p)));
      this.emit();
      return;
    }
  }

  /** Changes the chip holding the stored attachment `attachmentId` (progress and results of its extraction). */
  updateStored(attachmentId: string, patch: PendingPatch): void {
    for (const list of this.lists.values()) {
      const chip = list.find((p) => p.attachmentId === attachmentId);
      if (chip) return this.update(chip.key, patch);
    }
  }

  /** Whether the chip is still pending somewhere (an upload that finished after removal is dropped). */
  has(key: string): boolean {
    for (const list of this.lists.values()) if (list.some((p) => p.key === key)) return true;
    return false;
  }

  remove(key: string): void {
    for (const [draft, list] of this.lists) {
      const gone = list.find((p) => p.key === key);
      if (!gone) continue;
      this.set(draft, list.filter((p) => p !== gone));
      if (gone.previewUrl) this.releaseUrl(gone.previewUrl);
      this.emit();
      return;
    }
  }

  /** Moves the chips of one draft to another (the blank chat became a conversation). */
  move(from: string, to: string): void {
    const list = this.list(from);
    if (from === to || list.length === 0) return;
    this.lists.delete(from);
    this.lists.set(to, [...this.list(to), ...list]);
    this.emit();
  }

  /** Removes the chips that went with a sent message (wherever their draft moved meanwhile). */
  removeSent(keys: readonly string[]): void {
    const sent = new Set(keys);
    let changed = false;
    for (const [draft, list] of this.lists) {
      const gone = list.filter((p) => sent.has(p.key));
      if (gone.length === 0) continue;
      this.set(draft, list.filter((p) => !sent.has(p.key)));
      for (const p of gone) if (p.previewUrl) this.releaseUrl(p.previewUrl);
      changed = true;
    }
    if (changed) this.emit();
  }

  private set(draft: string, list: readonly PendingAttachment[]): void {
    if (list.length === 0) this.lists.delete(draft);
    else this.lists.set(draft, list);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const EMPTY: readonly PendingAttachment[] = [];

/**
 * A chip's state once the core has stored its file: images are ready at once; a document is
 * ready when its text is read, and fails when it has none (a scanned PDF) or cannot be read.
 */
export function patchFromStored(attachment: Attachment): PendingPatch {
  const name = attachment.name;
  if (attachment.kind === 'image') return { status: 'ready', progress: null, attachmentId: attachment.id };
  switch (attachment.extraction.state) {
    case 'pending':
    case 'running':
      return { status: 'extracting', attachmentId: attachment.id };
    case 'done':
      return { status: 'ready', progress: null, attachmentId: attachment.id };
    case 'no-text':
      return { status: 'failed', progress: null, attachmentId: attachment.id, error: chipError('attachments.extract.noText', name) };
    case 'failed':
      return { status: 'failed', progress: null, attachmentId: attachment.id, error: chipError('attachments.extract.failed', name) };
  }
}

function chipError(messageKey: string, name: string): AppErrorData {
  return { code: 'bad_request', messageKey, params: { name }, retryable: false };
}

/** What a message box can do with its chips now. */
export function sendState(list: readonly PendingAttachment[]): 'ready' | 'busy' | 'failed' {
  if (list.some((p) => p.status === 'failed')) return 'failed';
  if (list.some((p) => p.status !== 'ready')) return 'busy';
  return 'ready';
}

/** What goes with a message: the core's ids of the ready chips in the order shown, and the chips' keys. */
export function readyBatch(list: readonly PendingAttachment[]): { ids: string[]; keys: string[] } {
  const ready = list.filter((p) => p.status === 'ready' && p.attachmentId !== null);
  return { ids: ready.map((p) => p.attachmentId ?? ''), keys: ready.map((p) => p.key) };
}
