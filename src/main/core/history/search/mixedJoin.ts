import type Database from 'better-sqlite3';
import { registerShortTermsCheck, SHORT_TERMS_CHECK_FUNCTION } from './shortTermCheck';

/** Search keys from `low` (inclusive) to `high` (exclusive); null is open. */
export interface KeyRange {
  low: bigint | null;
  high: bigint | null;
}

export interface MixedQuery {
  /** Trigram MATCH of the long terms: the index walked newest first. */
  long: string;
  /** Short-query MATCH of the short terms. */
  short: string;
  /** The short terms for the text check, or null when they cannot be checked on the text. */
  checkable: string | null;
  includeReasoning: boolean;
  range: KeyRange;
  /** Rows wanted: one page plus one, or the ranked window. */
  need: number;
  tuning: MixedJoinTuning;
}

/** Runs the search walk (message_fts as f) with one more condition, within a range, newest first. */
export type RunWalk<R> = (condition: string, params: Record<string, string>, range: KeyRange, limit: number) => R[];

/** When the mixed-term join changes plan (tests set them low to take every path on a small history). */
export interface MixedJoinTuning {
  /**
   * Fewer matches of the short terms than this: collecting them all costs about a millisecond,
   * so the walk is checked against that set.
   */
  smallSet: number;
  /** The newest matches of the long term counted to learn how common it is. */
  longProbe: number;
  /** The newest rows of the long term checked first, to learn how often they hold the short terms. */
  sample: number;
  /** Rows of the long term the check may walk at the sample's hit rate to fill the page without comparing further. */
  checkBudget: number;
  /**
   * Checking a row on its text (read the message, test it in JavaScript) costs about as much
   * as this many rows of the short term's set (measured at 300k messages: ~12 µs against ~0.4 µs).
   */
  checkCost: number;
}

export const MIXED_JOIN_TUNING: MixedJoinTuning = { smallSet: 2000, longProbe: 1000, sample: 100, checkBudget: 1000, checkCost: 30 };

/**
 * A query with long and short terms walks the trigram index newest first and keeps the rows
 * that hold the short terms too. Two ways to know which rows do:
 * - the set: every match of the short terms, collected once (cost grows with how common the
 *   short term is: `天気` is in 55,633 of 300,000 messages, ~100 ms under load);
 * - the check: each walked row's text tested for the short terms (shortTermCheck.ts), which
 *   costs per row walked and stops at the page, but walks the whole long term when the two
 *   rarely meet (`东京 sun` holds no hits: every `sun` row would be checked).
 * So: a short term with few matches uses the set. Otherwise the newest rows of the long term
 * are checked (a sample: often they already fill the page); below them the check goes on if
 * the sample's hit rate says a short walk fills the page, and otherwise the cheaper of checking
 * every remaining row of the long term and collecting the short term's matches is taken.
 * Every way gives exactly the index's hits.
 */
export function mixedJoinRows<R>(db: Database.Database, q: MixedQuery, run: RunWalk<R>): R[] {
  const setCondition =
    // The unary + keeps this IN out of the index's constraints. Without it SQLite hands the
    // short-query rowids to the trigram index as rowid = ? lookups, re-running the trigram
    // MATCH once per short-query hit and sorting afterwards (seconds for "Tokyo 天気").
    '+f.rowid IN (SELECT rowid FROM message_fts_short WHERE message_fts_short MATCH @short)';
  const bySet = (range: KeyRange, limit: number) => run(setCondition, { short: q.short }, range, limit);
  const { smallSet, longProbe, sample, checkBudget, checkCost } = q.tuning;
  const shortTerms = q.checkable;
  if (shortTerms === null) return bySet(q.range, q.need);
  const short = newest(db, 'message_fts_short', q.short, q.range, smallSet);
  if (short.length < smallSet || short.length === 0) return bySet(q.range, q.need);

  registerShortTermsCheck(db);
  // A term's first character must be in the text as it is (nothing folds into a CJK letter):
  // instr turns most walked rows away in SQLite before any JavaScript runs.
  const terms = shortTerms.split(' ');
  const firstChars = Object.fromEntries(terms.map((term, i) => [`shortFirst${i}`, term[0]!]));
  const present = terms.map((_, i) =>
    q.includeReasoning ? `(instr(m.content, @shortFirst${i}) > 0 OR instr(m.reasoning, @shortFirst${i}) > 0)` : `instr(m.content, @shortFirst${i}) > 0`,
  );
  // Uncertain rows (MAYBE) are looked up in the index itself: rare, and exact.
  const checkCondition = `(${present.join(' AND ')} AND CASE ${SHORT_TERMS_CHECK_FUNCTION}(m.content, ${q.includeReasoning ? 'm.reasoning' : 'NULL'}, @shortTerms)
      WHEN 1 THEN 1
      WHEN 2 THEN EXISTS (SELECT 1 FROM message_fts_short s WHERE message_fts_short MATCH @short AND s.rowid = f.rowid)
      ELSE 0 END)`;
  const byCheck = (range: KeyRange, limit: number) => run(checkCondition, { short: q.short, shortTerms, ...firstChars }, range, limit);
  const long = newest(db, 'message_fts', q.long, q.range, longProbe);
  if (long.length <= sample) return byCheck(q.range, q.need);

  const boundary = long[sample - 1]!;
  const first = byCheck({ low: boundary, high: q.range.high }, q.need);
  if (first.length >= q.need) return first;
  const rest: KeyRange = { low: q.range.low, high: boundary };
  const remaining = q.need - first.length;
  const hitRate = first.length / sample;
  // At the sample's hit rate a short walk fills the page: check (a newest page, terms that often meet).
  if (hitRate > 0 && remaining / hitRate <= checkBudget) return [...first, ...byCheck(rest, remaining)];
  // Else the walk may cover every remaining row of the long term: compare that with the short
  // term's set by the two terms' matches in the newest stretch both probes cover. Counting
  // them over the same keys keeps a quiet month, or a burst of new messages, out of the ratio.
  const common = long.at(-1)! > short.at(-1)! ? long.at(-1)! : short.at(-1)!;
  const longRows = long.filter((key) => key >= common).length;
  const shortRows = short.filter((key) => key >= common).length;
  return [...first, ...(longRows * checkCost < shortRows ? byCheck(rest, remaining) : bySet(rest, remaining))];
}

/** The newest `limit` matches in the range, newest first. */
function newest(db: Database.Database, table: string, match: string, range: KeyRange, limit: number): bigint[] {
  const bounds = [range.low !== null ? 'AND rowid >= @low' : '', range.high !== null ? 'AND rowid < @high' : ''].join(' ');
  return db
    .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH @match ${bounds} ORDER BY rowid DESC LIMIT @limit`)
    .pluck()
    .safeIntegers(true)
    .all({ match, limit, ...(range.low !== null ? { low: range.low } : {}), ...(range.high !== null ? { high: range.high } : {}) }) as bigint[];
}
