/**
 * What every provider's own search shares (Gemini grounding, Anthropic's web search tool,
 * Spark's web_search tool, Qianfan v2's web_search option): its steps and sources become the
 * same events as Brook's own pipeline. Each protocol's tracker sits beside its provider
 * (geminiGrounding, anthropicSearch, sparkSearch, qianfanSearch), is fed what its protocol
 * streams and returns the events to yield; none holds network or state beyond one answer.
 */
import type { WebSearchStep, WebSource } from '../../../shared/webSearch';
import { hostOf } from '../net';
import type { ProviderEvent } from './provider';

const EXCERPT_CHARS = 400;

/** Numbered sources, one per URL, in the order they first appear. */
export class SourceBook {
  private readonly byUrl = new Map<string, WebSource>();

  /** Adds or improves a source; returns it when it is new or changed. */
  note(url: string, title: string, excerpt = ''): WebSource | null {
    const old = this.byUrl.get(url);
    const clipped = excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt;
    if (old && (old.excerpt !== '' || clipped === '')) return null;
    const source: WebSource = old
      ? { ...old, excerpt: clipped }
      : { n: this.byUrl.size + 1, url, title: title || hostOf(url), site: hostOf(url), excerpt: clipped };
    this.byUrl.set(url, source);
    return source;
  }

  get(url: string): WebSource | undefined {
    return this.byUrl.get(url);
  }
}

export const stepEvent = (s: WebSearchStep): ProviderEvent => ({ type: 'search.step', step: s });
export const sourceEvent = (s: WebSource): ProviderEvent => ({ type: 'search.source', source: s });
