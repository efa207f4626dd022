import type Database from 'better-sqlite3';
import type { HistorySearchArgs } from '../../../../shared/contract';
import type { MessageRole, SearchHit, SearchPage } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { markdownToPlainText } from '../../../../shared/plainText';
import { attachmentHits, type AttachmentHitRow } from './attachmentHits';
import { MIXED_JOIN_TUNING, mixedJoinRows, type KeyRange, type MixedJoinTuning, type MixedQuery, type RunWalk } from './mixedJoin';
import { parseQuery, shortMatch, trigramMatch, type SearchTerm } from './searchQuery';
import { checkableShortTerms } from './shortTermCheck';
import { buildSnippet } from './snippet';
import type { SearchIndexQueue } from './indexQueue';

/** Search keys are (whole seconds of created_at) × KEY_SLOTS + a tie-breaker; see migration 4. */
export const KEY_SLOTS = 1_048_576;

/**
 * Ranked search scores at most this many of the newest matches. FTS5's bm25 reads every match
 * of every term to weigh it, and a character like 的 or の is in a third of all messages: at a
 * million messages that takes seconds. Scoring the newest few thousand here takes milliseconds;
 * queries with fewer matches are ranked exactly.
 */
export const RANKED_WINDOW = 3000;

interface HitRow {
  key: number;
  id: string;
  conversation_id: string;
  role: MessageRole;
  content: string;
  reasoning: string;
  /** The text of the answer's tool results (migration 11). */
  tool_text: string | null;
  created_at: number;
  provider_id: string | null;
  model: string | null;
  title: string;
  /** Set when the match is in a document attached to the message. */
  attachment_id?: string;
  attachment_name?: string;
}

/**
 * Full-text search over the two indexes of migration 4. Newest-first walks an index's rowids
 * (date-ordered keys) backwards and stops at the limit, so it costs the same for a word in
 * every message as for a rare one; ranked (bm25) has to score every match.
 */
export class HistorySearch {
  constructor(
    private readonly db: () => Database.Database,
    private readonly rankedWindow = RANKED_WINDOW,
    /** Answers that ended but wait to be indexed (migration 12): indexed before each search. */
    private readonly pending: Pick<SearchIndexQueue, 'flush'> | null = null,
    private readonly mixedJoinTuning = MIXED_JOIN_TUNING,
  ) {}

  /**
   * Every model the model filter can find: the same COALESCE(message, conversation) the filter
   * matches on, over conversations not waiting to be purged. Imports name models per message
   * only, so the conversations' chosen models alone miss most of them.
   */
  models(): string[] {
    const rows = this.db()
      .prepare(
        `SELECT DISTINCT COALESCE(m.model, c.model) AS model
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE c.deleted_at IS NULL AND COALESCE(m.model, c.model) <> ''
         ORDER BY model`,
      )
      .all() as { model: string | null }[];
    return rows.flatMap((r) => (r.model ? [r.model] : []));
  }

  search(args: HistorySearchArgs): SearchPage {
    this.pending?.flush();
    const terms = parseQuery(args.query);
    const long = trigramMatch(terms, args.includeReasoning);
    const short = shortMatch(terms, args.includeReasoning);
    if (!long && !short) return { hits: [], nextCursor: null };
    const table = long ? 'message_fts' : 'message_fts_short';
    const cursor = parseCursor(args.cursor ?? null, args.order);

    // A deleted conversation waits out its Undo window before it is purged: it is already gone for search.
    const where = [`${table} MATCH @match`, 'c.deleted_at IS NULL'];
    // Rowid bounds go in as BigInt: FTS5 uses an INTEGER bound to skip to the range, but a
    // JavaScript number binds as REAL and makes it walk every match instead.
    const params: Record<string, string | number | bigint> = { match: (long ?? short)!, limit: args.limit + 1 };
    if (args.from !== undefined) {
      where.push('f.rowid >= @fromKey', 'm.created_at >= @from');
      params.fromKey = BigInt(Math.floor(args.from / 1000) * KEY_SLOTS);
      params.from = args.from;
    }
    if (args.to !== undefined) {
      where.push('f.rowid < @toKey', 'm.created_at <= @to');
      params.toKey = BigInt((Math.floor(args.to / 1000) + 1) * KEY_SLOTS);
      params.to = args.to;
    }
    if (args.role) {
      where.push('m.role = @role');
      params.role = args.role;
    }
    if (args.providerId) {
      where.push('COALESCE(m.provider_id, c.provider_id) = @providerId');
      params.providerId = args.providerId;
    }
    if (args.model) {
      where.push('COALESCE(m.model, c.model) = @model');
      params.model = args.model;
    }
    if (cursor.kind === 'key') {
      where.push('f.rowid < @cursorKey');
      params.cursorKey = BigInt(cursor.value);
    }
    const ranked = args.order === 'ranked';
    const offset = cursor.kind === 'offset' ? cursor.value : 0;
    // Ranked: the newest RANKED_WINDOW matches, scored below; newest: one page (plus one to know if there is more).
    if (ranked) params.limit = this.rankedWindow;

    // CROSS JOIN fixes the index as the outer loop, so ORDER BY rowid DESC LIMIT stops early.
    const walk = (conditions: readonly string[]) => `
      SELECT f.rowid AS key, m.id, m.conversation_id, m.role, m.content, m.reasoning, m.tool_text, m.created_at,
             m.provider_id, m.model, c.title
      FROM ${table} f
      CROSS JOIN message_search_keys k ON k.key = f.rowid
      CROSS JOIN messages m ON m.id = k.message_id
      CROSS JOIN conversations c ON c.id = m.conversation_id
      WHERE ${[...where, ...conditions].join(' AND ')}
      ORDER BY f.rowid DESC
      LIMIT @limit`;
    const sql = walk([]);
    const words = terms.map((t) => t.text);
    const walkWith: RunWalk<HitRow> = (condition, extra, range, limit) =>
      this.db().prepare(walk([condition, ...rangeConditions(range)])).all({ ...params, ...extra, ...rangeParams(range), limit }) as HitRow[];
    let rows =
      long && short
        ? mixedJoinRows(this.db(), mixedQuery(long, short, terms, args.includeReasoning, params, this.mixedJoinTuning), walkWith)
        : (this.db().prepare(sql).all(params) as HitRow[]);
    // Text a tool returned is found too (its own trigram index, same keys and filters, walked
    // newest-first with the same limit, so the cost stays bounded); short terms stay message text only.
    if (long && !short) {
      const toolSql = sql.replace(`FROM ${table} f`, 'FROM message_tool_fts f').replace(`${table} MATCH @match`, 'message_tool_fts MATCH @match');
      const toolRows = this.db().prepare(toolSql).all({ ...params, match: trigramMatch(terms, true)! }) as HitRow[];
      rows = newestFirst(rows, toolRows, Number(params.limit));
    }
    const documentRows = attachmentHits(this.db(), terms, args, Number(params.limit), cursor.kind === 'key' ? cursor.value : null);
    rows = mergeDocumentHits(rows, documentRows, Number(params.limit));
    if (ranked) rows = rankRows(rows, words, args.includeReasoning).slice(offset, offset + args.limit + 1);
    const more = rows.length > args.limit;
    const page = more ? rows.slice(0, args.limit) : rows;
    const hits = page.map((r): SearchHit => ({
      conversationId: r.conversation_id,
      conversationTitle: r.title,
      messageId: r.id,
      role: r.role,
      snippet: buildSnippet(readable(snippetSource(r, words, args.includeReasoning)), words),
      createdAt: r.created_at,
      providerId: r.provider_id,
      model: r.model,
      ...(r.attachment_id && r.attachment_name ? { attachment: { id: r.attachment_id, name: r.attachment_name } } : {}),
    }));
    const last = page[page.length - 1];
    const nextCursor = !more || !last ? null : ranked ? `o:${offset + page.length}` : `k:${last.key}`;
    return { hits, nextCursor };
  }

}

/** The mixed-term join's view of the search: its range of keys from the date and cursor bounds. */
function mixedQuery(
  long: string,
  short: string,
  terms: readonly SearchTerm[],
  includeReasoning: boolean,
  params: Readonly<Record<string, string | number | bigint>>,
  tuning: MixedJoinTuning,
): MixedQuery {
  const highs = [params.toKey, params.cursorKey].filter((k): k is bigint => typeof k === 'bigint');
  return {
    long,
    short,
    checkable: checkableShortTerms(terms),
    includeReasoning,
    range: {
      low: typeof params.fromKey === 'bigint' ? params.fromKey : null,
      high: highs.length === 0 ? null : highs.reduce((a, b) => (a < b ? a : b)),
    },
    need: Number(params.limit),
    tuning,
  };
}

function rangeConditions(range: KeyRange): string[] {
  return [range.low !== null ? 'f.rowid >= @walkLow' : '', range.high !== null ? 'f.rowid < @walkHigh' : ''].filter(Boolean);
}

function rangeParams(range: KeyRange): Record<string, bigint> {
  return { ...(range.low !== null ? { walkLow: range.low } : {}), ...(range.high !== null ? { walkHigh: range.high } : {}) };
}

/** Both lists are newest first (by key): merged without repeats, at most `limit`. */
function newestFirst(a: readonly HitRow[], b: readonly HitRow[], limit: number): HitRow[] {
  const seen = new Set<number>();
  return [...a, ...b]
    .sort((x, y) => y.key - x.key)
    .filter((r) => !seen.has(r.key) && seen.add(r.key))
    .slice(0, limit);
}

/**
 * Message hits and document hits together, newest first by the message's key; a message found
 * by its own text is listed once (its own text is the better snippet).
 */
function mergeDocumentHits(rows: HitRow[], documents: AttachmentHitRow[], limit: number): HitRow[] {
  if (documents.length === 0) return rows;
  const seen = new Set(rows.map((r) => r.id));
  const extra = documents.filter((d) => !seen.has(d.id) && (seen.add(d.id), true));
  return [...rows, ...extra].sort((a, b) => b.key - a.key).slice(0, limit);
}

/**
 * BM25 over the candidates: a term counts more the more often it occurs, with diminishing
 * returns, and less in a long message than in a short one. Every candidate contains every term,
 * so the terms are weighed alike. Ties stay newest first (the sort is stable).
 */
function rankRows(rows: HitRow[], words: readonly string[], includeReasoning: boolean): HitRow[] {
  if (rows.length < 2) return rows;
  const K1 = 1.2;
  const B = 0.75;
  const needles = words.map((w) => w.toLowerCase());
  const texts = rows.map((r) => (includeReasoning ? `${r.content}\n${r.reasoning}` : r.content).toLowerCase());
  const avg = texts.reduce((sum, t) => sum + t.length, 0) / texts.length || 1;
  const scores = texts.map((text) => {
    let score = 0;
    for (const needle of needles) {
      let tf = 0;
      for (let at = text.indexOf(needle); at !== -1 && tf < 50; at = text.indexOf(needle, at + needle.length)) tf++;
      score += (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * text.length) / avg));
    }
    return score;
  });
  return rows
    .map((row, i) => ({ row, score: scores[i]! }))
    .sort((a, b) => b.score - a.score)
    .map((x) => x.row);
}

/** The content, unless only the reasoning holds the words. */
/**
 * Past this a message's snippet is cut from its raw text: lexing a huge paste for one line of
 * preview would cost more than the search itself.
 */
const PLAIN_SNIPPET_MAX_CHARS = 50_000;

/** A snippet shows what the reader saw, not the Markdown behind it (no `**` or `##`). */
function readable(text: string): string {
  return text.length > PLAIN_SNIPPET_MAX_CHARS ? text : markdownToPlainText(text);
}

function snippetSource(row: HitRow, words: readonly string[], includeReasoning: boolean): string {
  const has = (text: string) => words.some((w) => text.toLowerCase().includes(w.toLowerCase()));
  if (row.tool_text && !has(row.content) && !(includeReasoning && has(row.reasoning))) return row.tool_text;
  if (!includeReasoning || row.reasoning === '') return row.content;
  return has(row.content) ? row.content : row.reasoning;
}

type Cursor = { kind: 'none' } | { kind: 'key' | 'offset'; value: number };

function parseCursor(cursor: string | null, order: 'newest' | 'ranked'): Cursor {
  if (!cursor) return { kind: 'none' };
  const match = /^([ko]):(\d{1,16})$/.exec(cursor);
  const kind = match?.[1] === 'k' ? 'key' : 'offset';
  if (!match || (kind === 'key') !== (order === 'newest')) {
    throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false, detail: 'bad search cursor' });
  }
  return { kind, value: Number(match[2]) };
}
