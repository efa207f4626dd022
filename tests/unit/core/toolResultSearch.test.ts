import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';
import { historySearchSchema } from '../../../src/shared/contract';
import type { ToolStep } from '../../../src/shared/toolCalls';

const step = (text: string): ToolStep => ({
  id: 'tool-1-1', round: 1, contentOffset: 0, callId: 'c1', callName: 'forecast', toolId: 's/forecast', serverName: 'Weather', tool: 'forecast',
  arguments: '{}', status: 'done', approval: 'once', startedAt: 1, durationMs: 5, progress: null, result: [{ type: 'text', text }],
  isError: false, sentToModel: text, capped: false, error: null,
});

describe('search finds text a tool returned', () => {
  it('once the answer has ended, newest first with the message hits, the snippet from the tool text', () => {
    const history = new HistoryStore({ file: join(mkdtempSync(join(tmpdir(), 'brook-toolsearch-')), 'h.sqlite') });
    const c = history.createConversation({ title: 'Weather' });
    const q = history.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'Will it rain in Hangzhou?', status: 'done' });
    const a = history.appendMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: '', status: 'streaming' });
    history.toolSteps.setSteps(a.id, [step('Hangzhou: heavy drizzle until Friday')]);
    const search = (query: string) => history.search.search(historySearchSchema.parse({ query }));
    // Still streaming: not indexed yet, like the answer's own text.
    expect(search('drizzle').hits).toEqual([]);
    history.finishMessage(a.id, { status: 'done', content: 'Yes, take an umbrella.', reasoning: '' });
    const drizzle = search('drizzle').hits;
    expect(drizzle.map((h) => h.messageId)).toEqual([a.id]);
    expect(drizzle[0]!.snippet.map((s) => s.text).join('')).toContain('heavy drizzle');
    // A word in both the question and the tool's text: both messages, newest first, once each.
    expect(search('Hangzhou').hits.map((h) => h.messageId)).toEqual([a.id, q.id]);
    expect(history.getMessage(a.id)?.toolSteps?.[0]?.result).toEqual([{ type: 'text', text: 'Hangzhou: heavy drizzle until Friday' }]);
  });
});
