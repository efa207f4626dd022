import { AppError } from '../../../shared/errors';
import type { WebSearchStep } from '../../../shared/webSearch';
import { abortReason } from '../net';
import { searchFoundNothingNote, searchUnavailableNote, type ChatTurnMessage, type Provider, type ProviderEvent, type ProviderRequest } from '../providers';
import { composeSources, searchInstructions, type ReadSource } from './compose';
import type { PageReader } from './pageReader';
import { generateQueries } from './queries';
import type { SearchBackend, SearchHit } from './searchBackend';

export const RESULTS_PER_QUERY = 5;
export const MAX_PAGES = 5;

export interface WebSearchRun {
  /** The engine, or why there is none (no URL or key set): that shows as a failed search step. */
  backend: SearchBackend | AppError;
  reader: PageReader;
  provider: Provider;
  /** The answer's request, already fitted to the context window. */
  request: ProviderRequest;
  /** Tokens the excerpts may take: the window minus the conversation and the output reserve. */
  budgetTokens: number;
  today: string;
}

/**
 * Search, read, compose, answer — as one stream of provider events, so the StreamManager
 * runs it like any answer: Stop aborts `signal`, which cancels every search and page fetch
 * in flight, and each step reaches windows and history as it happens.
 */
export async function* webSearchAnswer(run: WebSearchRun, signal: AbortSignal): AsyncGenerator<ProviderEvent> {
  const events = new EventQueue(signal);
  const work = searchAndRead(run, signal, (e) => events.push(e)).finally(() => events.close());
  // Keep the rejection observed even while the queue is being drained.
  work.catch(() => undefined);
  yield* events.drain();
  const outcome = await work;
  if (signal.aborted) throw abortReason(signal);

  const { sources, excerpts } = composeSources(outcome.pages, run.budgetTokens, outcome.queries);
  let system: string;
  if (sources.length > 0) {
    const compose: WebSearchStep = { id: 'compose', kind: 'compose', status: 'done', args: [], resultCount: sources.length };
    for (const source of sources) yield { type: 'search.source', source };
    yield { type: 'search.step', step: compose };
    system = searchInstructions(sources, excerpts, run.today);
  } else {
    if (outcome.pages.length > 0) {
      // Pages were read but the conversation leaves no room for them in the model's window.
      const error = new AppError('context_too_long', { retryable: false, params: { tokens: Math.max(0, run.budgetTokens) } });
      yield { type: 'search.step', step: { id: 'compose', kind: 'compose', status: 'failed', args: [], resultCount: 0, error: error.toJSON() } };
    }
    system = outcome.searched ? searchFoundNothingNote() : searchUnavailableNote();
  }
  const request: ProviderRequest = { ...run.request, system: run.request.system ? `${run.request.system}\n\n${system}` : system };
  yield* run.provider.stream(request, signal);
}

interface SearchOutcome {
  pages: ReadSource[];
  /** At least one search answered (perhaps with nothing). */
  searched: boolean;
  queries: string[];
}

async function searchAndRead(run: WebSearchRun, signal: AbortSignal, emit: (e: ProviderEvent) => void): Promise<SearchOutcome> {
  const step = (s: WebSearchStep) => emit({ type: 'search.step', step: s });
  const conversation: ChatTurnMessage[] = run.request.messages;
  step({ id: 'queries', kind: 'queries', status: 'running', args: [] });
  const { queries } = await generateQueries(run.provider, run.request.model, conversation, signal, run.today);
  step({ id: 'queries', kind: 'queries', status: 'done', args: queries });

  const backend = run.backend;
  const hits: SearchHit[] = [];
  if (backend instanceof AppError) {
    step({ id: 'search-1', kind: 'search', status: 'failed', args: [queries[0] ?? ''], error: backend.toJSON() });
    return { pages: [], searched: false, queries };
  }
  let searched = false;
  const results = await Promise.all(
    queries.map(async (query, i) => {
      const id = `search-${i + 1}`;
      step({ id, kind: 'search', status: 'running', args: [query], engine: backend.engine });
      try {
        const found = await backend.search(query, RESULTS_PER_QUERY, signal);
        searched = true;
        step({ id, kind: 'search', status: 'done', args: [query], engine: backend.engine, resultCount: found.length });
        return found;
      } catch (err) {
        if (signal.aborted) throw abortReason(signal, err);
        step({ id, kind: 'search', status: 'failed', args: [query], engine: backend.engine, error: AppError.from(err).toJSON() });
        return [];
      }
    }),
  );
  // Interleave the queries' results so every query contributes its best pages.
  for (let rank = 0; rank < RESULTS_PER_QUERY; rank++) {
    for (const list of results) {
      const hit = list[rank];
      if (hit && !hits.some((h) => h.url === hit.url)) hits.push(hit);
    }
  }
  const chosen = hits.slice(0, MAX_PAGES);
  const read = await Promise.all(
    chosen.map(async (hit, i): Promise<ReadSource | null> => {
      const id = `read-${i + 1}`;
      step({ id, kind: 'read', status: 'running', args: [hit.url], title: hit.title });
      try {
        const page = await run.reader.read(hit.url, signal);
        const title = hit.title || page.title;
        step({ id, kind: 'read', status: 'done', args: [hit.url], title });
        return { url: hit.url, title, text: page.text || hit.snippet };
      } catch (err) {
        if (signal.aborted) throw abortReason(signal, err);
        step({ id, kind: 'read', status: 'skipped', args: [hit.url], title: hit.title, error: AppError.from(err).toJSON() });
        return null;
      }
    }),
  );
  const pages = read.filter((p): p is ReadSource => p !== null);
  // Nothing could be read: the engines' snippets are still better than no search at all.
  if (pages.length === 0) {
    return { pages: chosen.filter((h) => h.snippet !== '').map((h) => ({ url: h.url, title: h.title, text: h.snippet })), searched, queries };
  }
  return { pages, searched, queries };
}

/** Events pushed by concurrent tasks, drained in order by the generator. */
class EventQueue {
  private readonly items: ProviderEvent[] = [];
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.notify(), { once: true });
  }

  push(event: ProviderEvent): void {
    if (this.closed) return;
    this.items.push(event);
    this.notify();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  async *drain(): AsyncGenerator<ProviderEvent> {
    for (;;) {
      while (this.items.length > 0) yield this.items.shift()!;
      if (this.closed || this.signal.aborted) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
