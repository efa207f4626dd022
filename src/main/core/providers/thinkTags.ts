/**
 * Splits inline `<think>…</think>` reasoning out of answer text (protocols.md §1.6): open
 * models served without a reasoning parser (vLLM without `--reasoning-parser`, llama.cpp,
 * some Ollama setups) write their reasoning into `content` between these tags.
 *
 * Rules, chosen to never eat ordinary answer text:
 * - Only a `<think>` at the very start of the answer (after whitespace) opens reasoning; a
 *   `<think>` later in an answer (say, one explaining the tag) stays text.
 * - `</think>` closes it; whitespace right after either tag is dropped.
 * - Tags may be split across chunks at any character, so a possible tag prefix at the end of a
 *   chunk (`<`, `</thi`, …) is held back until the next chunk decides. At most
 *   `'</think>'.length - 1` characters are ever held.
 * - A stream that ends inside the tags (cut by a length limit) leaves everything as reasoning.
 * Known gap: templates that put `<think>` into the prompt make the model emit only
 * `</think>`; that text arrives as answer text. Those servers should enable their reasoning
 * parser, which yields the `reasoning` field instead.
 */
import type { ProviderEvent } from './provider';

const OPEN = '<think>';
const CLOSE = '</think>';

type Piece = Extract<ProviderEvent, { type: 'text' | 'reasoning' }>;

export class ThinkTagSplitter {
  private mode: 'start' | 'think' | 'text' = 'start';
  private carry = '';
  private stripLead = false;

  /** The events for one piece of content, in order. */
  push(text: string): Piece[] {
    const out: Piece[] = [];
    let buf = this.carry + text;
    this.carry = '';
    for (;;) {
      if (this.mode === 'start') {
        const rest = buf.trimStart();
        if (rest.startsWith(OPEN)) {
          this.mode = 'think';
          this.stripLead = true;
          buf = rest.slice(OPEN.length);
          continue;
        }
        if (OPEN.startsWith(rest)) {
          // Only whitespace, or a prefix of `<think>` so far: wait for more.
          this.carry = buf;
          return out;
        }
        this.mode = 'text';
        continue;
      }
      if (this.stripLead) {
        buf = buf.trimStart();
        if (buf === '') return out;
        this.stripLead = false;
      }
      if (this.mode === 'text') {
        emit(out, 'text', buf);
        return out;
      }
      const close = buf.indexOf(CLOSE);
      if (close >= 0) {
        emit(out, 'reasoning', buf.slice(0, close));
        buf = buf.slice(close + CLOSE.length);
        this.mode = 'text';
        this.stripLead = true;
        continue;
      }
      const hold = partialTagAtEnd(buf, CLOSE);
      emit(out, 'reasoning', buf.slice(0, buf.length - hold));
      this.carry = buf.slice(buf.length - hold);
      return out;
    }
  }

  /** At the end of the answer: whatever was held back, as what it turned out to be. */
  flush(): Piece[] {
    const out: Piece[] = [];
    const rest = this.carry;
    this.carry = '';
    if (this.mode === 'think') emit(out, 'reasoning', rest);
    else if (!this.stripLead) emit(out, 'text', rest);
    return out;
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagAtEnd(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}

function emit(out: Piece[], type: Piece['type'], text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last && last.type === type) last.text += text;
  else out.push({ type, text });
}
