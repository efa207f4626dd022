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
  /** Rows of the long term walked with the text check before deciding how to go on. */
  checkedWalk: number;
  /**
   * Checking a row on its text (read the message, test it in JavaScript) costs about as much
   * as this many rows of the short term's set (measured at 300k messages: ~12 µs against ~0.4 µs).
   */
  checkCost: number;
}

export const MIXED_JOIN_TUNING: MixedJoinTuning = { smallSet: 2000, checkedWalk: 1000, checkCost: 30 };

/**
 * A query with long and short terms walks the trigram index newest first and keeps the rows
 * that hold the short terms too. Two ways to know which rows do:
 * - the set: every match of the short terms, collected once (cost grows with how common the
 *   short term is: `天気` is in 55,633 of 300,000 messages, ~100 ms under load);
 * - the check: each walked row's text tested for the short terms (shortTermCheck.ts), which
 *   costs per row walked and stops at the page, but walks the whole long term when the two
 *   rarely meet (`东京 sun` holds no hits: every `sun` row would be checked).
 * So: a short term with few matches uses the set; otherwise the newest rows of the long term
 * are checked first (cheap, and enough when the terms often meet), and below them the cheaper
 * of the two by the terms' densities measured meanwhile. Both give exactly the index's hits.
 */
export function mixedJoinRows<R>(db: Database.Database, q: MixedQuery, run: RunWalk<R>): R[] {
  const setCondition =
    // The unary + keeps this IN out of the index's constraints. Without it SQLite hands the
    // short-query rowids to the trigram index as rowid = ? lookups, re-running the trigram
    // MATCH once per short-query hit and sorting afterwards (seconds for "Tokyo 天気").
    '+f.rowid IN (SELECT rowid FROM message_fts_short WHERE message_fts_short MATCH @short)';
  const bySet = (range: KeyRange, limit: number) => run(setCondition, { short: q.short }, range, limit);
  if (!q.checkable) return bySet(q.range, q.need);
  const { smallSet, checkedWalk, checkCost } = q.tuning;
  const short = newest(db, 'message_fts_short', q.short, q.range, smallSet);
  if (short.count < smallSet || short.oldest === null) return bySet(q.range, q.need);

  registerShortTermsCheck(db);
  // Uncertain rows (MAYBE) are looked up in the index itself: rare, and exact.
  const checkCondition = `CASE ${SHORT_TERMS_CHECK_FUNCTION}(m.content, ${q.includeReasoning ? 'm.reasoning' : 'NULL'}, @shortTerms)
      WHEN 1 THEN 1
      WHEN 2 THEN EXISTS (SELECT 1 FROM message_fts_short s WHERE message_fts_short MATCH @short AND s.rowid = f.rowid)
      ELSE 0 END`;
  const byCheck = (range: KeyRange, limit: number) => run(checkCondition, { short: q.short, shortTerms: q.checkable! }, range, limit);
  const long = newest(db, 'message_fts', q.long, q.range, checkedWalk);
  if (long.count < checkedWalk || long.oldest === null) return byCheck(q.range, q.need);

  const boundary = long.oldest;
  const first = byCheck({ low: boundary, high: q.range.high }, q.need);
  if (first.length >= q.need) return first;
  // Matches per key below the newest ones, assumed alike further back: compare the work.
  const top = q.range.high ?? BigInt((db.prepare('SELECT MAX(key) AS key FROM message_search_keys').get() as { key: number }).key) + 1n;
  const longDensity = checkedWalk / Number(top - boundary + 1n);
  const shortDensity = smallSet / Number(top - short.oldest + 1n);
  const rest: KeyRange = { low: q.range.low, high: boundary };
  const remaining = q.need - first.length;
  return [...first, ...(longDensity * checkCost < shortDensity ? byCheck(rest, remaining) : bySet(rest, remaining))];
}

/** How many of the newest `limit` matches there are in the range, and the oldest of them. */
function newest(db: Database.Database, table: string, match: string, range: KeyRange, limit: number): { count: number; oldest: bigint | null } {
  const bounds = [range.low !== null ? 'AND rowid >= @low' : '', range.high !== null ? 'AND rowid < @high' : ''].join(' ');
  const row = db
    .prepare(
      `SELECT COUNT(*) AS count, MIN(rowid) AS oldest FROM
         (SELECT rowid FROM ${table} WHERE ${table} MATCH @match ${bounds} ORDER BY rowid DESC LIMIT @limit)`,
    )
    .safeIntegers(true)
    .get({ match, limit, ...(range.low !== null ? { low: range.low } : {}), ...(range.high !== null ? { high: range.high } : {}) }) as {
    count: bigint;
    oldest: bigint | null;
  };
  return { count: Number(row.count), oldest: row.oldest };
}
