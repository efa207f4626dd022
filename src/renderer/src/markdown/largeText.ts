import type { SettledText } from './splitBlocks';

/**
 * Plain-text handling of very large markdown blocks (see LargeBlock.tsx).
 *
 * Above this many characters a block is shown as text, not parsed as markdown: parsing is
 * O(block) on every update (a 200,000-character line took 0.5–1 s per parse, freezing the
 * page while it streamed), and a block this large is a blob, a log or a dump, not prose.
 */
export const LARGE_BLOCK = 16_000;

/**
 * A run this long without whitespace (a base64 blob, a minified line) costs parsers and layout
 * dearly. Tried only where a run starts: `/\S{2000}/` alone retried at every character, so a
 * run just short of 2,000 characters cost ~2 million steps per test (25–80 ms a frame while
 * a long line's first 2,000 characters streamed; issue #12.4).
 */
const LONG_RUN = /(?:^|\s)\S{2000}/;

export function isLargeBlock(raw: string): boolean {
  return raw.length > LARGE_BLOCK || LONG_RUN.test(raw);
}

/** Text is laid out in pieces of about this size, so growing the last one re-lays out only it. */
export const PIECE = 2048;

/** Looked back from a piece boundary for whitespace to cut at. */
const LOOK_BACK = 256;

/**
 * Where the piece starting at `from` ends (text longer than PIECE from there): after a newline
 * or space near the boundary when there is one, else mid-run.
 */
export function pieceEnd(text: string, from = 0): number {
  const window = text.slice(from + PIECE - LOOK_BACK, from + PIECE);
  const newline = window.lastIndexOf('\n');
  const space = newline >= 0 ? newline : window.lastIndexOf(' ');
  return from + PIECE - LOOK_BACK + space + 1;
}

export function pieces(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (text.length - from > PIECE) {
    const cut = pieceEnd(text, from);
    out.push(text.slice(from, cut));
    from = cut;
  }
  out.push(text.slice(from));
  return out;
}

/** Pieces per run (see LargeBlock): runs other than the last hold the same strings every update. */
export const RUN = 16;

export function pieceRuns(texts: readonly string[]): (readonly string[])[] {
  const runs: (readonly string[])[] = [];
  for (let i = 0; i < texts.length; i += RUN) runs.push(texts.slice(i, i + RUN));
  return runs;
}

/** Same strings in the same places (identical strings compare in constant time). */
export function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n?/;

/** The code inside a fenced block (without its fences), or null when the block is not fenced. */
export function fencedCode(raw: string): string | null {
  const fence = FENCE.exec(raw);
  if (!fence) return null;
  const marker = fence[1]!;
  return raw.slice(fence[0].length).replace(new RegExp(`\\n? {0,3}${marker[0]}{${marker.length},}[ \\t]*\\n?$`), '');
}

export const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})[^\n]*\n?/;

/**
 * The texts to show: the block's pieces, or for a growing long line the head's pieces, then the
 * settled pieces as they are (same strings every update, so memoized pieces skip them), then
 * the newest text. A fenced block shows its code without the fences.
 */
export function shownPieces(raw: string, settled: SettledText | undefined, head: string[]): { code: boolean; texts: string[] } {
  if (!settled) {
    const body = fencedCode(raw);
    return { code: body !== null, texts: pieces(body ?? raw) };
  }
  return { code: FENCE_LINE.test(settled.head), texts: head.concat(settled.pieces, pieces(raw)) };
}
