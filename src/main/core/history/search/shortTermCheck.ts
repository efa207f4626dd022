import type Database from 'better-sqlite3';
import type { SearchTerm } from './searchQuery';

/**
 * Checks a short CJK term on a message's stored text, the way the short-query index would
 * match it, so a query with a long and a short term can walk the long term's index and test
 * each row here instead of collecting every message holding the short term first (`天気` is
 * in one message of five). The index tokenizes cjkSplit(text) with unicode61: every CJK
 * character is its own token, so `天気` matches where 天 is followed by 気 with only separators
 * between them (`天、気` matches, `天x気` does not).
 *
 * Which characters unicode61 treats as separators comes from SQLite's own Unicode tables (it
 * calls unassigned code points token characters, and its tables are older than JavaScript's).
 * So only characters whose class is certain are decided here; a row where an uncertain
 * character decides the match is answered "maybe" and checked in the index itself. The sets are
 * tested against the bundled SQLite for every code point (tests/unit/core/shortTermCheck.test.ts).
 */

/** Never a token: ASCII punctuation and controls, Latin-1 symbols, general and CJK punctuation. */
export const SURE_SEPARATOR =
  /[\0-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u00a0-\u00a9\u00ab-\u00b1\u2000-\u2064\u3000-\u3004\u3008-\u3020\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;

/** Always a token: ASCII letters and digits, Latin letters, kana, CJK ideographs, Hangul, full-width letters. */
export const SURE_TOKEN =
  /[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u3005-\u3007\u3041-\u3096\u30a1-\u30fa\u30fc-\u30fe\u3400-\u4db5\u4e00-\u9fa5\uac00-\ud7a3\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uff9d]/;

/** Characters a checkable term may hold: CJK letters that are single tokens folded to themselves. */
const TERM_CHARS = /^[\u3041-\u3096\u30a1-\u30fa\u3400-\u4db5\u4e00-\u9fa5\uac00-\ud7a3]{1,2}$/;

export const SHORT_TERMS_CHECK_FUNCTION = 'brook_short_terms_check';

export const NO_MATCH = 0;
export const MATCH = 1;
/** An uncertain character decides it: ask the index. */
export const MAYBE = 2;
type State = typeof NO_MATCH | typeof MATCH | typeof MAYBE;

/**
 * The short terms, joined for the SQL function, when every one can be checked on the text;
 * null otherwise (a short Latin term is a word prefix with case and diacritic folding: the
 * index answers those).
 */
export function checkableShortTerms(terms: readonly SearchTerm[]): string | null {
  const short = terms.filter((t) => !t.long).map((t) => t.text);
  return short.length > 0 && short.every((t) => TERM_CHARS.test(t)) ? short.join(' ') : null;
}

/** Whether one column's text holds the term (one or two CJK characters) as the index would find it. */
export function termState(text: string, term: string): State {
  const first = term[0]!;
  const second = term[1];
  if (second === undefined) return text.includes(first) ? MATCH : NO_MATCH;
  let state: State = NO_MATCH;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    for (let i = at + 1; i < text.length; i++) {
      const next = text[i]!;
      if (next === second) return MATCH;
      if (SURE_SEPARATOR.test(next)) continue;
      if (!SURE_TOKEN.test(next)) state = MAYBE;
      break;
    }
  }
  return state;
}

/**
 * Every term must match (in the content, or with reasoning in either column): MATCH, NO_MATCH,
 * or MAYBE when no term fails for certain but one is uncertain.
 */
export function shortTermsState(content: string, reasoning: string | null, terms: string): State {
  let all: State = MATCH;
  for (const term of terms.split(' ')) {
    const inContent = termState(content, term);
    const inReasoning = inContent === MATCH || reasoning === null ? NO_MATCH : termState(reasoning, term);
    const state = inContent === MATCH || inReasoning === MATCH ? MATCH : inContent === MAYBE || inReasoning === MAYBE ? MAYBE : NO_MATCH;
    if (state === NO_MATCH) return NO_MATCH;
    if (state === MAYBE) all = MAYBE;
  }
  return all;
}

const registered = new WeakSet<Database.Database>();

/** Registers the SQL function once per connection (the search may be handed any connection). */
export function registerShortTermsCheck(db: Database.Database): void {
  if (registered.has(db)) return;
  db.function(SHORT_TERMS_CHECK_FUNCTION, { deterministic: true }, (content: unknown, reasoning: unknown, terms: unknown) =>
    shortTermsState(typeof content === 'string' ? content : '', typeof reasoning === 'string' ? reasoning : null, String(terms)),
  );
  registered.add(db);
}
