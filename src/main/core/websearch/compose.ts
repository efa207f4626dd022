import type { WebSource } from '../../../shared/webSearch';
import { estimateTokens } from '../chat/contextBudget';

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
 * Numbered excerpts that together fit `budgetTokens`: each source gets an equal share, cut
 * at a paragraph or sentence where possible. Sources are numbered in the order given.
 */
export function composeSources(pages: readonly ReadSource[], budgetTokens: number, count = estimateTokens): { sources: WebSource[]; excerpts: string[] } {
  const usable = pages.filter((p) => p.text.trim() !== '');
  if (usable.length === 0 || budgetTokens < MIN_SEARCH_TOKENS) return { sources: [], excerpts: [] };
  const share = Math.floor(Math.min(budgetTokens, MAX_SEARCH_TOKENS) / usable.length);
  const sources: WebSource[] = [];
  const excerpts: string[] = [];
  for (const page of usable) {
    const excerpt = fitText(page.text, share - count(page.title + page.url), count);
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

/** When the search failed: the model answers anyway and says it could not search. */
export function searchUnavailableNote(): string {
  return 'A web search was attempted for this message but failed. Answer from what you know, and begin by telling the user, in their language, that web search was unavailable.';
}

function fitText(text: string, tokens: number, count: (t: string) => number): string {
  if (tokens <= 20) return '';
  if (count(text) <= tokens) return text;
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

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_PREVIEW_CHARS ? `${flat.slice(0, EXCERPT_PREVIEW_CHARS)}…` : flat;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
