import { isRecord } from '../net';
import type { ProviderEvent } from './provider';
import { SourceBook, sourceEvent, stepEvent } from './searchSources';

/**
 * Anthropic's server-side `web_search` tool (protocols.md §2): a `server_tool_use` block holds
 * the query, a `web_search_tool_result` block the results or an error, and text blocks carry
 * `citations_delta`. Cited text blocks get their marks appended as " [n]" when they end, so
 * the answer cites like one from Brook's own search.
 */
export class AnthropicWebSearch {
  private readonly sources = new SourceBook();
  /** Content-block index → what that block is doing. */
  private readonly blocks = new Map<number, { kind: 'search'; id: string; input: string; toolUseId: string } | { kind: 'text'; cited: number[] }>();
  private readonly searchByToolUse = new Map<string, { id: string; query: string }>();
  private searches = 0;

  blockStart(index: number, block: Record<string, unknown>): ProviderEvent[] {
    if (block.type === 'server_tool_use' && block.name === 'web_search') {
      const id = `search-${++this.searches}`;
      const toolUseId = typeof block.id === 'string' ? block.id : id;
      const query = isRecord(block.input) && typeof block.input.query === 'string' ? block.input.query : '';
      this.blocks.set(index, { kind: 'search', id, input: '', toolUseId });
      this.searchByToolUse.set(toolUseId, { id, query });
      return [stepEvent({ id, kind: 'search', status: 'running', args: query ? [query] : [], engine: 'Claude' })];
    }
    if (block.type === 'web_search_tool_result') return this.results(block);
    if (block.type === 'text') this.blocks.set(index, { kind: 'text', cited: [] });
    return [];
  }

  blockDelta(index: number, delta: Record<string, unknown>): ProviderEvent[] {
    const block = this.blocks.get(index);
    if (block?.kind === 'search' && delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
      block.input += delta.partial_json;
    }
    if (block?.kind === 'text' && delta.type === 'citations_delta' && isRecord(delta.citation)) {
      const c = delta.citation;
      if (typeof c.url !== 'string') return [];
      const added = this.sources.note(c.url, typeof c.title === 'string' ? c.title : '', typeof c.cited_text === 'string' ? c.cited_text : '');
      const n = this.sources.get(c.url)!.n;
      if (!block.cited.includes(n)) block.cited.push(n);
      return added ? [sourceEvent(added)] : [];
    }
    return [];
  }

  blockStop(index: number): ProviderEvent[] {
    const block = this.blocks.get(index);
    this.blocks.delete(index);
    if (block?.kind === 'search' && block.input !== '') {
      let query = '';
      try {
        const input: unknown = JSON.parse(block.input);
        query = isRecord(input) && typeof input.query === 'string' ? input.query : '';
      } catch {
        query = '';
      }
      if (query === '') return [];
      this.searchByToolUse.set(block.toolUseId, { id: block.id, query });
      return [stepEvent({ id: block.id, kind: 'search', status: 'running', args: [query], engine: 'Claude' })];
    }
    if (block?.kind === 'text' && block.cited.length > 0) {
      return [{ type: 'text', text: ` ${block.cited.map((n) => `[${n}]`).join('')}` }];
    }
    return [];
  }

  private results(block: Record<string, unknown>): ProviderEvent[] {
    const toolUseId = typeof block.tool_use_id === 'string' ? block.tool_use_id : '';
    const search = this.searchByToolUse.get(toolUseId) ?? { id: `search-${++this.searches}`, query: '' };
    const args = search.query ? [search.query] : [];
    const content = block.content;
    if (isRecord(content) && content.type === 'web_search_tool_result_error') {
      const code = typeof content.error_code === 'string' ? content.error_code : 'unavailable';
      const error = {
        code: code === 'too_many_requests' ? ('rate_limit' as const) : ('provider' as const),
        messageKey: code === 'too_many_requests' ? 'errors.rate_limit' : 'errors.provider',
        retryable: true,
        detail: code,
      };
      return [stepEvent({ id: search.id, kind: 'search', status: 'failed', args, engine: 'Claude', error })];
    }
    const results = Array.isArray(content) ? content.filter(isRecord).filter((r) => r.type === 'web_search_result' && typeof r.url === 'string') : [];
    const out: ProviderEvent[] = [stepEvent({ id: search.id, kind: 'search', status: 'done', args, engine: 'Claude', resultCount: results.length })];
    for (const r of results) {
      const added = this.sources.note(r.url as string, typeof r.title === 'string' ? r.title : '');
      if (added) out.push(sourceEvent(added));
    }
    return out;
  }
}
