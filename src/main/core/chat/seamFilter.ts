import type { ProviderEvent } from '../providers';

/** How much of the continuation is held back to look for a repeat of the old text's tail. */
const LOOKAHEAD = 80;
/** Shorter overlaps are likely chance (a space and a letter, one punctuation mark), not a repeat. */
const MIN_OVERLAP = 3;

/**
 * Providers that cannot prefill are asked to continue in a new turn, and models then often
 * restart a few words back. This holds the first characters of the continuation, drops the
 * part that repeats the end of the existing answer, then passes everything through.
 */
export async function* dropRepeatedSeam(partial: string, events: AsyncIterable<ProviderEvent>): AsyncIterable<ProviderEvent> {
  let head: string | null = '';
  function* release(): Generator<ProviderEvent> {
    const rest = (head ?? '').slice(longestOverlap(partial, head ?? ''));
    head = null;
    if (rest !== '') yield { type: 'text', text: rest };
  }
  for await (const event of events) {
    if (head !== null && event.type === 'text') {
      head += event.text;
      if (head.length >= LOOKAHEAD) yield* release();
      continue;
    }
    if (head !== null && event.type === 'done') yield* release();
    yield event;
  }
  if (head !== null) yield* release();
}

/** The longest k such that `partial` ends with the first k characters of `next`. */
export function longestOverlap(partial: string, next: string): number {
  for (let k = Math.min(partial.length, next.length); k >= MIN_OVERLAP; k--) {
    if (partial.endsWith(next.slice(0, k))) return k;
  }
  return 0;
}
