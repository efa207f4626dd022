/** How a file is drawn before and after sending: a thumbnail for images, a labelled icon otherwise. */
export type FileIconKind = 'image' | 'pdf' | 'word' | 'sheet' | 'code' | 'text' | 'other';

const CODE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'swift', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs',
  'php', 'sh', 'bash', 'zsh', 'ps1', 'sql', 'html', 'htm', 'css', 'scss', 'vue', 'svelte', 'lua', 'r', 'scala', 'dart',
  'yaml', 'yml', 'toml', 'xml', 'ini', 'json',
]);

/** The extension in lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

export function fileIconKind(name: string, mime: string): FileIconKind {
  const ext = extensionOf(name);
  if (mime.startsWith('image/')) return 'image';
  if (ext === 'pdf' || mime === 'application/pdf') return 'pdf';
  if (ext === 'docx' || ext === 'doc') return 'word';
  if (ext === 'csv' || ext === 'tsv' || ext === 'xlsx') return 'sheet';
  if (CODE_EXTENSIONS.has(ext)) return 'code';
  if (ext === 'txt' || ext === 'md' || ext === 'markdown' || ext === 'log' || mime.startsWith('text/')) return 'text';
  return 'other';
}

/** The short label on a file's icon: its extension, at most four letters. */
export function fileIconLabel(name: string): string {
  return extensionOf(name).slice(0, 4).toUpperCase();
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A size as people read it: "812 B", "1.5 MB" (binary multiples; the same short units in every language). */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}
