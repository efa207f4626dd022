import type Database from 'better-sqlite3';

/**
 * Han, kana, Hangul and the CJK punctuation blocks. unicode61 would keep a run of these as
 * one token; spacing every character apart turns each into its own token, so a one- or
 * two-character query becomes a token or a phrase query on the short-query index.
 */
const CJK_CHAR =
  /[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]|[\ud840-\ud87f][\udc00-\udfff]/g;

export function cjkSplit(text: string): string {
  return text.replace(CJK_CHAR, ' $& ');
}

export const CJK_SPLIT_FUNCTION = 'brook_cjk_split';

/**
 * The short-query index's triggers call this, so every connection that writes messages
 * registers it (HistoryStore does, and so does migration 4 for the connection it runs on).
 */
export function registerSearchFunctions(db: Database.Database): void {
  db.function(CJK_SPLIT_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? cjkSplit(text) : '',
  );
}
