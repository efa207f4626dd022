/**
 * An image in an imported chat (ChatGPT's export holds only a pointer to it). It is stored as
 * this marker on a line of its own — the text imports have always written, so chats imported
 * before keep working — and the window shows it translated. Exports and copies keep the marker.
 */
export const IMPORTED_IMAGE_MARKER = '[image]';

export type UserTextPart = { kind: 'text'; text: string } | { kind: 'image' };

/** A user message cut into its text and the image markers standing alone on a line. */
export function splitImportedImages(content: string): UserTextPart[] {
  if (!content.includes(IMPORTED_IMAGE_MARKER)) return [{ kind: 'text', text: content }];
  const parts: UserTextPart[] = [];
  let text = '';
  const lines = content.split('\n');
  lines.forEach((line, i) => {
    const newline = i < lines.length - 1 ? '\n' : '';
    if (line.trim() === IMPORTED_IMAGE_MARKER) {
      if (text !== '') parts.push({ kind: 'text', text });
      parts.push({ kind: 'image' });
      text = '';
      return;
    }
    text += line + newline;
  });
  if (text !== '') parts.push({ kind: 'text', text });
  return parts;
}
