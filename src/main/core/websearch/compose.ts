import type { WebSource } from '../../../shared/webSearch';
import { estimateTokens } from '../base';
import { hostOf } from '../net';

export interface ReadSource {
  url: string;
  title: string;
  text: string;
}

/** The search never takes more of the prompt than this, however large the window. */
export const MAX_SEARCH_TOKENS = 6000;
/** Below this there is no room worth using: the answer goes ahead without the excerpts. */
export const MIN_SEARCH_TOKENS = 300;
const EXCERPT_PREVIEW_CHARS = 400;

/**
 * Numbered excerpts that together fit `budgetTokens`: each source gets an equal share. A page
 * too long for its share gives the paragraphs that mention the queries' words most, in page
 * order, cut at a sentence where possible. Sources are numbered in the order given.
 */
export function composeSources(
  pages: readonly ReadSource[],
  budgetTokens: number,
  queries: readonly string[] = [],
  count = estimateTokens,
): { sources: WebSource[]; excerpts: string[] } {
  const terms = queryTerms(queries);
  const usable = pages.filter((p) => p.text.trim() !== '');
  if (usable.length === 0 || budgetTokens < MIN_SEARCH_TOKENS) return { sources: [], excerpts: [] };
  const share = Math.floor(Math.min(budgetTokens, MAX_SEARCH_TOKENS) / usable.length);
  const sources: WebSource[] = [];
  const excerpts: string[] = [];
  for (const page of usable) {
    const excerpt = fitText(page.text, share - count(page.title + page.url), count, terms);
    if (excerpt === '') continue;
    const n = sources.length + 1;
    excerpts.push(excerpt);
    sources.push({ n, url: page.url, title: page.title || hostOf(page.url), site: hostOf(page.url), excerpt: preview(excerpt) });
  }
  return { sources, excerpts };
}

/** The system text that hands the excerpts to the model and asks for [n] citations. */
export function searchInstructions(sources: readonly WebSource[], excerpts: readonly string[], today: string): string {
  const blocks = sources.map((s, i) => `[${s.n}] ${s.title} (${s.url})\n${excerpts[i] ?? ''}`);
  return [
    `Web search results (today is ${today}) follow. Use them to answer the user's last message when they are relevant.`,
    'Cite the sources you use with their number in square brackets, like [1] or [2][3], right after the statement they support.',
    'Never invent a source or a number. If the results do not answer the question, say so and answer from what you know.',
    'Answer in the language of the user.',
    '',
    blocks.join('\n\n'),
  ].join('\n');
}

function fitText(text: string, tokens: number, count: (t: string) => number, terms: ReadonlySet<string>): string {
  if (tokens <= 20) return '';
  if (count(text) <= tokens) return text;
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  if (terms.size > 0 && paragraphs.length > 1) {
    const ranked = paragraphs
      .map((p, index) => ({ p, index, score: relevance(p, terms) }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    const chosen: { p: string; index: number }[] = [];
    let used = 0;
    for (const r of ranked) {
      const cost = count(r.p);
      if (used + cost > tokens) continue;
      chosen.push(r);
      used += cost;
    }
    if (chosen.length > 0) return chosen.sort((a, b) => a.index - b.index).map((c) => c.p).join('\n\n');
    return cutToFit(ranked[0]!.p, tokens, count);
  }
  return cutToFit(text, tokens, count);
}

function cutToFit(text: string, tokens: number, count: (t: string) => number): string {
  // Roughly three characters a token for Latin text and one for CJK; shrink until it fits.
  let chars = Math.min(text.length, tokens * 3);
  let cut = text.slice(0, chars);
  while (chars > 0 && count(cut) > tokens) {
    chars = Math.floor(chars * 0.8);
    cut = text.slice(0, chars);
  }
  const boundary = Math.max(cut.lastIndexOf('\n\n'), cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return (boundary > chars / 2 ? cut.slice(0, boundary + 1) : cut).trim() + ' …';
}

/** Lowercase words of two or more letters, and for CJK runs every two-character pair. */
export function queryTerms(queries: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const q of queries) {
    for (const word of q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (/\p{Script=Han}/u.test(word)) {
        const chars = Array.from(word);
        for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
      } else if (word.length >= 2) terms.add(word);
    }
  }
  return terms;
}

function relevance(paragraph: string, terms: ReadonlySet<string>): number {
  const lower = paragraph.toLowerCase();
  let score = 0;
  for (const term of terms) if (lower.includes(term)) score++;
  return score;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_PREVIEW_CHARS ? `${flat.slice(0, EXCERPT_PREVIEW_CHARS)}…` : flat;
}
