/**
 * Attachments as both sides of the contract know them: which files are accepted, the limits
 * (the composer states them, the core enforces them, the README repeats them) and what a window
 * sees of a stored attachment. The bytes themselves stay in the core; windows see thumbnails
 * and extracted text through requests.
 */

const MB = 1024 * 1024;

/** The largest single file accepted, in bytes. */
export const ATTACHMENT_MAX_FILE_BYTES = 20 * MB;
/** The most all attachments of one message may weigh together, in bytes. */
export const ATTACHMENT_MAX_MESSAGE_BYTES = 50 * MB;
/** The most files one message may carry. */
export const ATTACHMENT_MAX_PER_MESSAGE = 10;
/**
 * An upload travels in parts of at most this many bytes (before base64): the browser-mode
 * socket has a frame limit, and small parts let the composer show progress.
 */
export const ATTACHMENT_PART_BYTES = 2 * MB;
/** The base64 length of a full part (4 characters per 3 bytes, padded). */
export const ATTACHMENT_PART_BASE64_CHARS = Math.ceil(ATTACHMENT_PART_BYTES / 3) * 4;
/** Extracted document text is kept up to this many characters; longer text is cut with a note. */
export const ATTACHMENT_MAX_TEXT_CHARS = 2_000_000;
/** Longest side of the small thumbnail (chips, sent messages) and of the viewer's image, in pixels. */
export const ATTACHMENT_THUMBNAIL_PX = { small: 256, large: 2048 } as const;

export type AttachmentKind = 'image' | 'document';
/** How a document's text is read. */
export type DocumentFormat = 'pdf' | 'docx' | 'text';

export const IMAGE_MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
};

/** Text documents and source code, read as UTF-8 (a BOM is dropped). */
export const TEXT_EXTENSIONS: readonly string[] = [
  'txt', 'text', 'log', 'md', 'markdown', 'csv', 'tsv', 'json', 'jsonl', 'yaml', 'yml', 'toml', 'ini', 'xml',
  'html', 'htm', 'css', 'scss', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'py', 'rb', 'go', 'rs', 'java', 'kt',
  'swift', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'php', 'sh', 'bash', 'zsh', 'ps1', 'sql', 'lua', 'r', 'scala',
  'dart', 'vue', 'svelte', 'tex', 'srt', 'vtt', 'env', 'conf', 'cfg', 'gradle', 'proto', 'graphql',
];

const DOCUMENT_MIME_BY_FORMAT = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** What the file picker offers (`accept` attribute): every extension above. */
export const ATTACHMENT_ACCEPT = [
  ...Object.keys(IMAGE_MIME_BY_EXTENSION),
  'pdf',
  'docx',
  ...TEXT_EXTENSIONS,
]
  .map((extension) => `.${extension}`)
  .join(',');

export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** What a file is, from its name (the reliable part: browsers often give no MIME type); null: not accepted. */
export function classifyAttachment(name: string): { kind: AttachmentKind; mime: string; format: DocumentFormat | null } | null {
  const extension = fileExtension(name);
  const imageMime = IMAGE_MIME_BY_EXTENSION[extension];
  if (imageMime) return { kind: 'image', mime: imageMime, format: null };
  if (extension === 'pdf') return { kind: 'document', mime: DOCUMENT_MIME_BY_FORMAT.pdf, format: 'pdf' };
  if (extension === 'docx') return { kind: 'document', mime: DOCUMENT_MIME_BY_FORMAT.docx, format: 'docx' };
  if (TEXT_EXTENSIONS.includes(extension)) return { kind: 'document', mime: textMime(extension), format: 'text' };
  return null;
}

function textMime(extension: string): string {
  if (extension === 'md' || extension === 'markdown') return 'text/markdown';
  if (extension === 'csv') return 'text/csv';
  if (extension === 'json') return 'application/json';
  return 'text/plain';
}

/**
 * A document's text extraction: `pending`/`running` while the worker reads it, `done` with text,
 * `no-text` when there is none to read (a scanned PDF without a text layer), `failed` when the
 * file could not be read. Images are `done` at once (nothing to extract).
 */
export type ExtractionState = 'pending' | 'running' | 'done' | 'no-text' | 'failed';

export interface AttachmentExtraction {
  state: ExtractionState;
  /** PDF pages; null for other formats. */
  pages: number | null;
  /** Characters of text kept; null until done. */
  chars: number | null;
  /** Set when the text was longer than ATTACHMENT_MAX_TEXT_CHARS: how much there was and how much was kept. */
  cut: { totalChars: number; keptChars: number } | null;
}

/** A stored attachment as a window sees it (never its bytes). */
export interface Attachment {
  id: string;
  name: string;
  mime: string;
  /** Bytes of the original file. */
  size: number;
  kind: AttachmentKind;
  /** Pixels of the original image; null for documents (or an image whose size could not be read). */
  width: number | null;
  height: number | null;
  extraction: AttachmentExtraction;
  createdAt: number;
}

/** Why an attachment (or a set of them) is refused; the composer names the limit. */
export function checkAttachmentSet(sizes: readonly number[]): 'too-many' | 'message-too-large' | 'file-too-large' | null {
  if (sizes.length > ATTACHMENT_MAX_PER_MESSAGE) return 'too-many';
  if (sizes.some((size) => size > ATTACHMENT_MAX_FILE_BYTES)) return 'file-too-large';
  if (sizes.reduce((sum, size) => sum + size, 0) > ATTACHMENT_MAX_MESSAGE_BYTES) return 'message-too-large';
  return null;
}
