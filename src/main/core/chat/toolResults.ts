/**
 * What a tool's result becomes: the text the model reads (cut to the size limit, with a note
 * it can see) and the parts kept with the step (text cut far later, images kept whole).
 */
import { STORED_RESULT_TEXT_BYTES, type ToolResultContent } from '../../../shared/toolCalls';
import type { ToolResultPart } from '../tools';

/** The first `maxBytes` of `text` in UTF-8, never cutting a character in two. */
export function cutUtf8(text: string, maxBytes: number): { text: string; cut: boolean; bytes: number } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= maxBytes) return { text, cut: false, bytes };
  const buf = Buffer.from(text, 'utf8');
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) to the start of the character that does not fit.
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return { text: buf.subarray(0, end).toString('utf8'), cut: true, bytes };
}

/** The result as text for the model: images and binary resources are named, not sent (tool messages are text). */
export function resultForModel(parts: readonly ToolResultPart[], capBytes: number): { text: string; capped: boolean } {
  const text = parts
    .map((p) => {
      if (p.type === 'text') return p.text;
      if (p.type === 'image') return `[image ${p.mimeType}, ${Math.round((p.data.length * 3) / 4)} bytes, shown to the user]`;
      return p.text ?? `[resource ${p.uri}${p.mimeType ? ` (${p.mimeType})` : ''}]`;
    })
    .join('\n');
  const cut = cutUtf8(text, capBytes);
  if (!cut.cut) return { text, capped: false };
  return { text: `${cut.text}\n\n[Brook cut this result from ${cut.bytes} to ${capBytes} bytes before sending it to you.]`, capped: true };
}

/** The parts kept with the step: each text cut to STORED_RESULT_TEXT_BYTES so a huge result does not bloat the history. */
export function storedResult(parts: readonly ToolResultPart[]): ToolResultContent[] {
  return parts.map((p): ToolResultContent => {
    if (p.type === 'image') return { type: 'image', mimeType: p.mimeType, data: p.data };
    if (p.type === 'text') return { type: 'text', text: cutUtf8(p.text, STORED_RESULT_TEXT_BYTES).text };
    return { type: 'resource', uri: p.uri, ...(p.mimeType ? { mimeType: p.mimeType } : {}), ...(p.text !== undefined ? { text: cutUtf8(p.text, STORED_RESULT_TEXT_BYTES).text } : {}) };
  });
}
