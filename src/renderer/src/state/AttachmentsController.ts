import { ATTACHMENT_PART_BYTES, type Attachment } from '../../../shared/attachments';
import type { AttachmentProgress } from '../../../shared/contract';
import type { RendererClient } from '../client/types';
import { AppError } from '../../../shared/errors';
import { patchFromStored, PendingAttachments } from './attachments/pendingAttachments';
import { toErrorData } from './errors';

/** A document's text as the core extracted it, and how much of it was kept (and so sent). */
export interface DocumentTextView {
  text: string;
  /** Set when the document was longer than Brook keeps: characters kept of the whole. */
  cut: { keptChars: number; totalChars: number } | null;
}

/** Stored results kept for chips whose `finish` answer is still on its way (the event can come first). */
const RECENT_RESULTS = 50;
/** Small thumbnails kept as data URLs for the messages scrolled past; the core rereads them from disk. */
const THUMBNAIL_CACHE = 300;

/**
 * Files on their way into the core and stored files read back: uploads in parts (progress per
 * part, cancelled when the chip is removed), the extraction's progress and result from events,
 * thumbnails, the viewer's large image and a document's text — all read from the core's disk,
 * so they show offline.
 */
export class AttachmentsController {
  private readonly recent = new Map<string, Attachment>();
  private readonly thumbnails = new Map<string, Promise<string>>();
  /** The chips of every message box of this window; image previews are object URLs, released with their chip. */
  readonly pending = new PendingAttachments((url) => URL.revokeObjectURL(url));

  constructor(private readonly client: RendererClient) {}

  /** Sends `file` for the chip `key` in parts; the chip shows each step and ends ready or failed. */
  async upload(key: string, file: File): Promise<void> {
    const store = this.pending;
    let uploadId: string | null = null;
    try {
      store.update(key, { status: 'uploading', progress: file.size === 0 ? null : 0 });
      ({ uploadId } = await this.client.request('attachments.begin', { name: nameOf(file), size: file.size, mime: file.type }));
      for (let index = 0, offset = 0; offset < file.size; index++, offset += ATTACHMENT_PART_BYTES) {
        if (!store.has(key)) break;
        const data = await base64Of(file.slice(offset, offset + ATTACHMENT_PART_BYTES), file.name);
        const { receivedBytes } = await this.client.request('attachments.part', { uploadId, index, data });
        store.update(key, { progress: receivedBytes / file.size });
      }
      if (!store.has(key)) {
        await this.client.request('attachments.cancel', { uploadId });
        return;
      }
      const stored = await this.client.request('attachments.finish', { uploadId });
      store.update(key, { progress: null, ...patchFromStored(this.recent.get(stored.id) ?? stored) });
    } catch (err) {
      store.update(key, { status: 'failed', progress: null, error: toErrorData(err) });
      if (uploadId !== null && !store.has(key)) await this.client.request('attachments.cancel', { uploadId }).catch(() => null);
    }
  }

  /** `attachments.progress`: a document's text is being read. */
  handleProgress(progress: AttachmentProgress): void {
    this.pending.updateStored(progress.attachmentId, { progress: progress.total > 0 ? Math.min(1, progress.done / progress.total) : null });
  }

  /** `attachments.updated`: its extraction finished, found no text, or failed. */
  handleUpdated(attachment: Attachment): void {
    this.recent.delete(attachment.id);
    this.recent.set(attachment.id, attachment);
    if (this.recent.size > RECENT_RESULTS) this.recent.delete(this.recent.keys().next().value ?? '');
    this.pending.updateStored(attachment.id, patchFromStored(attachment));
  }

  /** The small picture of a stored image (a data URL); asked once per image while it is cached. */
  thumbnail(id: string): Promise<string> {
    const cached = this.thumbnails.get(id);
    if (cached) return cached;
    const promise = this.client.request('attachments.thumbnail', { id, size: 'small' }).then((t) => t.dataUrl);
    promise.catch(() => this.thumbnails.delete(id));
    this.thumbnails.set(id, promise);
    if (this.thumbnails.size > THUMBNAIL_CACHE) this.thumbnails.delete(this.thumbnails.keys().next().value ?? '');
    return promise;
  }

  /** The viewer's picture: large, not cached (one at a time, and big). */
  async image(id: string): Promise<string> {
    return (await this.client.request('attachments.thumbnail', { id, size: 'large' })).dataUrl;
  }

  async documentText(id: string): Promise<DocumentTextView> {
    const { text, extraction } = await this.client.request('attachments.text', { id });
    return { text, cut: extraction.cut ? { keptChars: extraction.cut.keptChars, totalChars: extraction.cut.totalChars } : null };
  }
}

/** A pasted screenshot may come without a name; the core decides the kind by the extension. */
function nameOf(file: File): string {
  if (file.name.trim() !== '') return file.name;
  const subtype = file.type.startsWith('image/') ? file.type.slice('image/'.length) : 'bin';
  return `pasted.${subtype === 'jpeg' ? 'jpg' : subtype}`;
}

/** Bytes turned into text per step (a multiple of 3, so the pieces join into one base64 string). */
const ENCODE_STEP = 3 * 8192;

/** A part's bytes as base64 (a part is at most ATTACHMENT_PART_BYTES, a few milliseconds of work). */
export async function base64Of(blob: Blob, name: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch (err) {
    // The file moved, or its permission changed, after it was chosen.
    throw new AppError('bad_request', { messageKey: 'attachments.readFailed', params: { name }, cause: err });
  }
  // Native in Chromium (Electron and the browsers of browser mode); the loop is for anything older.
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let out = '';
  for (let i = 0; i < bytes.length; i += ENCODE_STEP) out += btoa(String.fromCharCode(...bytes.subarray(i, i + ENCODE_STEP)));
  return out;
}
