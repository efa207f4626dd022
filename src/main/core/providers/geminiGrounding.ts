import { isRecord } from '../net';
import type { ProviderEvent } from './provider';
import { SourceBook, sourceEvent, stepEvent } from './searchSources';

/**
 * Gemini `candidates[].groundingMetadata` (protocols.md §3.4). Which frame carries it is
 * unconfirmed, so every frame's copy is read and only what is new is reported. Source titles
 * are the site's domain; the URLs may be Google redirect links, which open the same page.
 */
export class GeminiGrounding {
  private readonly queries = new Set<string>();
  private readonly sources = new SourceBook();

  update(metadata: unknown): ProviderEvent[] {
    if (!isRecord(metadata)) return [];
    const out: ProviderEvent[] = [];
    const queries = Array.isArray(metadata.webSearchQueries) ? metadata.webSearchQueries.filter((q): q is string => typeof q === 'string') : [];
    const fresh = queries.filter((q) => !this.queries.has(q));
    if (fresh.length > 0) {
      for (const q of fresh) this.queries.add(q);
      const all = [...this.queries];
      out.push(stepEvent({ id: 'queries', kind: 'queries', status: 'done', args: all }));
      all.forEach((q, i) => out.push(stepEvent({ id: `search-${i + 1}`, kind: 'search', status: 'done', args: [q], engine: 'Google' })));
    }
    const chunks: unknown[] = Array.isArray(metadata.groundingChunks) ? metadata.groundingChunks : [];
    const supports: unknown[] = Array.isArray(metadata.groundingSupports) ? metadata.groundingSupports : [];
    chunks.forEach((chunk, index) => {
      const web = isRecord(chunk) && isRecord(chunk.web) ? chunk.web : null;
      if (!web || typeof web.uri !== 'string') return;
      const cited = supports
        .filter((s) => isRecord(s) && Array.isArray(s.groundingChunkIndices) && s.groundingChunkIndices.includes(index))
        .map((s) => (isRecord(s) && isRecord(s.segment) && typeof s.segment.text === 'string' ? s.segment.text : ''))
        .filter((t) => t !== '')
        .join(' … ');
      const title = typeof web.title === 'string' ? web.title : '';
      const added = this.sources.note(web.uri, title, cited);
      if (added) out.push(sourceEvent(added));
    });
    return out;
  }
}
