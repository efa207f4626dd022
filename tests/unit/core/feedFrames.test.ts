import { describe, expect, it } from 'vitest';
import { feedFrames } from '../../../src/main/core/servers/liveFeed/feedFrames';
import type { Message } from '../../../src/shared/domain';
import type { AppErrorData } from '../../../src/shared/errors';
import { errorText } from '../../../src/shared/i18n/errorText';
import type { ToolStep } from '../../../src/shared/toolCalls';

const message = (patch: Partial<Message>): Message => ({
  id: 'm',
  conversationId: 'c',
  parentId: 'u',
  role: 'assistant',
  content: '',
  reasoning: '',
  status: 'done',
  error: null,
  providerId: null,
  model: null,
  usage: null,
  context: null,
  finishReason: null,
  reasoningMs: null,
  webSearch: null,
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});
const en = (e: AppErrorData) => errorText('en', e);
const stream = (event: Parameters<typeof feedFrames<'stream'>>[1]['event']) => feedFrames('stream', { conversationId: 'c', messageId: 'm', event }, en);

describe('feedFrames', () => {
  it('maps search steps to web_search updates when they start or fail, and sources to results', () => {
    const step = (status: 'running' | 'done' | 'failed' | 'skipped', kind: 'search' | 'read' = 'search') =>
      stream({ type: 'search.step', step: { id: 's1', kind, status, args: [kind === 'search' ? '天气 北京' : 'https://example.org/a'] } });
    expect(step('running')).toEqual([
      { type: 'web_search', status: false, data: { type: 'update', message: 'Searching', args: ['天气 北京'] }, conversation_id: 'c' },
    ]);
    expect(step('done')).toEqual([]);
    expect(step('failed')[0]).toMatchObject({ data: { type: 'update', message: 'Searching failed' } });
    expect(step('skipped', 'read')[0]).toMatchObject({ data: { type: 'update', message: 'Browsing results skipped', args: ['https://example.org/a'] } });
    expect(
      stream({ type: 'search.source', source: { n: 1, url: 'https://example.org/a', title: 'A', site: 'example.org', excerpt: '…' } }),
    ).toEqual([{ type: 'web_search', status: false, data: { type: 'result', id: 'https://example.org/a' }, conversation_id: 'c' }]);
  });

  it('maps the user message, text and thinking pieces, and the final answer', () => {
    expect(feedFrames('chat.userMessage', message({ role: 'user', content: 'hi 你好' }), en)).toEqual([
      { type: 'text', status: true, msg: 'hi 你好', user: 'user', conversation_id: 'c' },
    ]);
    const photo = { id: 'a1', name: 'photo.jpg', mime: 'image/jpeg', size: 5, kind: 'image' as const, width: 2, height: 1, createdAt: 1, extraction: { state: 'done' as const, pages: null, chars: null, cut: null } };
    // Files are named by name and type only: never their bytes, ids or sizes.
    expect(feedFrames('chat.userMessage', message({ role: 'user', content: 'look', attachments: [photo] }), en)).toEqual([
      { type: 'text', status: true, msg: 'look', user: 'user', conversation_id: 'c', attachments: [{ name: 'photo.jpg', type: 'image/jpeg' }] },
    ]);
    expect(stream({ type: 'reasoning', text: 'hm' })).toEqual([{ type: 'reasoning', status: false, msg: 'hm', user: 'assistant', conversation_id: 'c' }]);
    expect(stream({ type: 'text', text: 'An' })).toEqual([{ type: 'text', status: false, msg: 'An', user: 'assistant', conversation_id: 'c' }]);
    expect(stream({ type: 'text', text: '' })).toEqual([]);
    expect(stream({ type: 'end', message: message({ content: 'Answer', reasoning: 'hmm' }) })).toEqual([
      { type: 'reasoning', status: true, msg: 'hmm', user: 'assistant', conversation_id: 'c' },
      { type: 'text', status: true, msg: 'Answer', user: 'assistant', conversation_id: 'c' },
    ]);
    expect(stream({ type: 'end', message: message({ content: 'Half', status: 'stopped' }) })).toEqual([
      { type: 'text', status: true, msg: 'Half', user: 'assistant', conversation_id: 'c' },
    ]);
  });

  it('a failed turn is one translated error frame, with parameters filled in', () => {
    const error: AppErrorData = { code: 'timeout', messageKey: 'errors.timeout', retryable: true };
    expect(stream({ type: 'end', message: message({ status: 'error', error, content: 'partial' }) })).toEqual([
      { type: 'error', status: true, msg: 'The provider took too long to respond. Try again.', user: 'assistant', conversation_id: 'c' },
    ]);
    const inUse: AppErrorData = { code: 'network', messageKey: 'errors.portInUse', params: { port: 4000 }, retryable: false };
    expect(errorText('zh-CN', inUse)).toContain('4000');
    expect(errorText('en', { code: 'auth', messageKey: 'errors.noSuchKey', retryable: false })).toBe(errorText('en', { code: 'auth', messageKey: 'errors.auth', retryable: false }));
  });

  it('sends nothing for starts, usage and events that are not streams', () => {
    expect(stream({ type: 'start', message: message({ status: 'streaming' }) })).toEqual([]);
    expect(stream({ type: 'usage', usage: { promptTokens: 1, completionTokens: 1, totalTokens: 2 } })).toEqual([]);
    expect(feedFrames('conversation.deleted', { id: 'c' }, en)).toEqual([]);
  });
});

describe('feedFrames for tool steps', () => {
  const step = (patch: Partial<ToolStep>): ToolStep => ({
    id: 'tool-1-1', round: 1, contentOffset: 0, callId: 'c1', callName: 'echo', toolId: 's/echo', serverName: 'Everything', tool: 'echo',
    arguments: '{"message":"hi"}', status: 'waiting', approval: 'pending', startedAt: null, durationMs: null, progress: null, result: null,
    isError: false, sentToModel: '', capped: false, error: null, ...patch,
  });
  const update = (message: string) => [
    { type: 'tool', status: false, data: { type: 'update', message, args: ['Everything', 'echo', '{"message":"hi"}'] }, conversation_id: 'c' },
  ];

  it('sends one web_search-style update per change of status, none for progress', () => {
    expect(stream({ type: 'tool.step', step: step({}) })).toEqual(update('Waiting for approval to call echo'));
    expect(stream({ type: 'tool.step', step: step({ status: 'running', approval: 'once' }) })).toEqual(update('Calling echo'));
    expect(stream({ type: 'tool.step', step: step({ status: 'running', progress: { progress: 1, total: 5, message: null } }) })).toEqual([]);
    expect(stream({ type: 'tool.step', step: step({ status: 'done', durationMs: 12 }) })).toEqual(update('Called echo (12 ms)'));
    expect(stream({ type: 'tool.step', step: step({ status: 'denied' }) })).toEqual(update('echo call denied'));
    expect(stream({ type: 'tool.step', step: step({ status: 'error' }) })).toEqual(update('echo failed'));
  });
});
