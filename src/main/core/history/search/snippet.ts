import type { SearchSegment } from '../../../../shared/domain';

const BEFORE = 40;
const LENGTH = 180;

/** Lower-cases one UTF-16 unit at a time, so positions in the folded text match the original. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/**
 * A window of the text around the first hit, cut into plain and hit segments. The renderer
 * draws hit segments as marks; nothing here is HTML.
 */
export function buildSnippet(text: string, terms: readonly string[]): SearchSegment[] {
  const folded = fold(text);
  const needles = [...new Set(terms.map(fold).filter((t) => t.length > 0))];
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  let end = Math.min(text.length, start + LENGTH);
  start = Math.max(0, Math.min(start, end - LENGTH));
  // Never cut a surrogate pair in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;

  const segments: SearchSegment[] = [];
  const push = (from: number, to: number, hit: boolean) => {
    if (to <= from) return;
    const piece = text.slice(from, to).replace(/\s+/g, ' ');
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += piece;
    else segments.push({ text: piece, hit });
  };
  if (start > 0) segments.push({ text: '…', hit: false });
  let cursor = start;
  for (const [from, to] of ranges) {
    if (to <= cursor || from >= end) continue;
    const a = Math.max(from, cursor);
    const b = Math.min(to, end);
    push(cursor, a, false);
    push(a, b, true);
    cursor = b;
  }
  push(cursor, end, false);
  if (end < text.length) segments.push({ text: '…', hit: false });
  return mergeAdjacent(segments);
}

function mergeAdjacent(segments: SearchSegment[]): SearchSegment[] {
  const out: SearchSegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.hit === s.hit) last.text += s.text;
    else out.push({ ...s });
  }
  if (out[0] && !out[0].hit) out[0].text = out[0].text.trimStart();
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
