import { cjkSplit } from './cjkSplit';

/** Queries with more terms than this keep the first ones: each term is another index lookup. */
const MAX_TERMS = 12;

/** One literal thing the user typed: a word, or a "quoted phrase" with its spaces. */
export interface SearchTerm {
  text: string;
  /** Three characters or more go to the trigram index; fewer to the short-query index. */
  long: boolean;
}

/**
 * Splits what the user typed into literal terms. Nothing the user types is FTS syntax:
 * quotes only group, and every term is later quoted as an FTS string.
 */
export function parseQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of query.matchAll(pattern)) {
    const raw = (match[1] ?? match[2] ?? '').replace(/"/g, '').trim();
    if (raw === '') continue;
    const length = [...raw].length;
    // A lone punctuation mark or two matches nearly everything or nothing: not worth a term.
    if (length < 3 && !/[\p{L}\p{N}]/u.test(raw)) continue;
    terms.push({ text: raw, long: length >= 3 });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Trigram index: each term must occur as a substring. */
export function trigramMatch(terms: readonly SearchTerm[], includeReasoning: boolean): string | null {
  const long = terms.filter((t) => t.long);
  if (long.length === 0) return null;
  return long.map((t) => column(includeReasoning) + ftsString(t.text)).join(' AND ');
}

/**
 * Short-query index: CJK characters are single tokens there, so "天气" is the phrase "天 气";
 * a short Latin term ("go", "AI") matches words starting with it.
 */
export function shortMatch(terms: readonly SearchTerm[], includeReasoning: boolean): string | null {
  const short = terms.filter((t) => !t.long);
  if (short.length === 0) return null;
  return short
    .map((t) => {
      const spaced = cjkSplit(t.text).trim().replace(/\s+/g, ' ');
      const prefix = /[\p{L}\p{N}]$/u.test(spaced) && !/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]$/.test(spaced);
      return column(includeReasoning) + ftsString(spaced) + (prefix ? ' *' : '');
    })
    .join(' AND ');
}

function column(includeReasoning: boolean): string {
  return includeReasoning ? '' : 'content : ';
}
