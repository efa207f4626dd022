/**
 * Chat turns through the whole core and the headless server's WebSocket, against a real
 * OpenAI-compatible fixture server: keys, streaming, checkpoints, context trimming, failures.
 * The server's own transport checks are in headlessTransport.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app/createCore';
import { DATABASE_FILE } from '../../../src/main/core/app/paths';
import { AppError } from '../../../src/shared/errors';
import type { Message } from '../../../src/shared/domain';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { WsContractClient } from '../../support/wsContractClient';
import { recordAnswerEnds, type AnswerEnds } from '../../support/answerEnds';
import { closedPort, startHeadlessCore, type HeadlessCore } from './headlessKit';

const KEY = 'sk-fixture-secret-123';

let fixture: OpenAIFixture;
let headless: HeadlessCore;
let core: Core;
let dataDir: string;
let client: WsContractClient;

beforeAll(async () => {
  fixture = await startOpenAIFixture({ apiKey: KEY });
  headless = await startHeadlessCore();
  ({ core, dataDir, client } = headless);
  answers = recordAnswerEnds((listener) => client.on('stream', listener));
});

afterAll(async () => {
  await headless?.close();
  await fixture?.close();
});

/** Ends are recorded from the start: with a dead server `end` can beat the send's response. */
let answers: AnswerEnds;
const finished = (_conversationId: string, messageId: string): Promise<Message> => answers.ended(messageId);

describe('a chat turn through the core', () => {
  let providerId: string;

  it('saves a provider without ever returning its key', async () => {
    const view = await client.request('providers.save', {
      draft: { name: 'Fixture', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', apiKey: KEY },
    });
    providerId = view.id;
    expect(view.hasKey).toBe(true);
    expect(JSON.stringify(await client.request('providers.list', {}))).not.toContain(KEY);
    expect(await client.request('providers.test', { id: providerId })).toEqual({ models: ['echo-1', 'fixture-chat', 'fixture-reasoner'] });
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).not.toContain(KEY);
    expect((await client.request('settings.get', {})).defaultProviderId).toBe(providerId);
  });

  it('refuses a key that cannot be sent, without echoing it', async () => {
    const bad = 'sk-line1\nline2-secret';
    const err = await client
      .request('providers.save', { draft: { name: 'Bad', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'm', apiKey: bad } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'bad_request', messageKey: 'errors.invalidArgs' });
    expect(JSON.stringify(err)).not.toContain('line2-secret');
  });

  it('never sends a stored key to another address', async () => {
    const other = await startOpenAIFixture({ apiKey: KEY });
    try {
      const moved = { name: 'Fixture', presetId: 'custom', baseUrl: other.url, defaultModel: 'fixture-chat' };
      await expect(client.request('providers.test', { id: providerId, draft: moved })).rejects.toMatchObject({ messageKey: 'errors.reenterKey' });
      await expect(client.request('providers.save', { id: providerId, draft: moved })).rejects.toMatchObject({ messageKey: 'errors.reenterKey' });
      expect(other.requests).toHaveLength(0);
      // with the key given again, the move is the user's choice
      expect(await client.request('providers.test', { id: providerId, draft: { ...moved, apiKey: KEY } })).toHaveProperty('models');
    } finally {
      await other.close();
    }
  });

  it('streams an answer, persists it and titles the conversation', async () => {
    const conv = await client.request('conversations.create', {});
    const titled = client.waitFor('conversation.updated', (c) => c.id === conv.id);
    const deltas: string[] = [];
    const off = client.on('stream', (e) => {
      if (e.conversationId === conv.id && e.event.type === 'text') deltas.push(e.event.text);
    });
    const { userMessage, assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: '你好, Brook' });
    expect(assistantMessage.status).toBe('streaming');
    const done = await finished(conv.id, assistantMessage.id);
    off();
    expect(done.status).toBe('done');
    expect(done.content).toBe('You said: 你好, Brook');
    expect(deltas.join('')).toBe(done.content);
    expect(done.usage?.totalTokens).toBeGreaterThan(0);
    expect((await titled).title).toBe('你好, Brook');
    const stored = await client.request('conversations.messages', { id: conv.id });
    expect(stored.map((m) => [m.id, m.role, m.status])).toEqual([
      [userMessage.id, 'user', 'done'],
      [assistantMessage.id, 'assistant', 'done'],
    ]);
    const body = fixture.requests.at(-1)?.body as { messages: unknown; stream_options: unknown };
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(body.messages).toEqual([{ role: 'user', content: '你好, Brook' }]);
  });

  it('checkpoints while streaming and keeps the partial text when stopped', async () => {
    const conv = await client.request('conversations.create', {});
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: '/slow please' });
    await new Promise((r) => setTimeout(r, 900));
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const row = db.prepare('SELECT status, content FROM messages WHERE id = ?').get(assistantMessage.id) as { status: string; content: string };
    db.close();
    expect(row.status).toBe('streaming');
    expect(row.content.length).toBeGreaterThan(0);
    await client.request('chat.stop', { conversationId: conv.id });
    const [, final] = await client.request('conversations.messages', { id: conv.id });
    expect(final?.status).toBe('stopped');
    expect(final!.content.startsWith(row.content)).toBe(true);
  });

  it('a window attaching mid-stream gets the text so far, then each later delta exactly once', async () => {
    const conv = await client.request('conversations.create', {});
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: '/slow attach test' });
    await new Promise((r) => setTimeout(r, 400));
    const late = await WsContractClient.connect(headless.wsUrl(), headless.origin());
    const snapshot = await late.request('chat.attach', { conversationId: conv.id });
    expect(snapshot?.messageId).toBe(assistantMessage.id);
    expect(snapshot!.content.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    await client.request('chat.stop', { conversationId: conv.id });
    const final = await finished(conv.id, assistantMessage.id);
    await new Promise((r) => setTimeout(r, 50));
    // Frames arrive in order on one socket: only text after the attach response is new.
    const frames = late.frames.map((f) => JSON.parse(f) as { kind: string; id?: number; payload?: { messageId: string; event: { type: string; text?: string } } });
    const responseAt = frames.findIndex((f) => f.kind === 'response');
    const after = frames
      .slice(responseAt + 1)
      .filter((f) => f.payload?.messageId === assistantMessage.id && f.payload.event.type === 'text')
      .map((f) => f.payload!.event.text ?? '');
    expect(snapshot!.content + after.join('')).toBe(final.content);
    late.close();
  });

  it('a 1 MB paste is saved exactly and sent whole to a model with room for it', async () => {
    const big = await client.request('providers.save', {
      draft: { name: 'Big', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', apiKey: KEY, contextWindow: 2_000_000 },
    });
    const conv = await client.request('conversations.create', { providerId: big.id });
    const paste = '水'.repeat(350_000) + ' end'; // about 1 MB as UTF-8
    fixture.setScenario({ kind: 'answer', text: 'Received.' });
    try {
      const { userMessage, assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: paste });
      expect((await finished(conv.id, assistantMessage.id)).content).toBe('Received.');
      const [saved] = await client.request('conversations.messages', { id: conv.id });
      expect(saved?.id).toBe(userMessage.id);
      expect(saved?.content).toBe(paste);
      const body = fixture.requests.at(-1)?.body as { messages: { content: string }[] };
      expect(body.messages.at(-1)?.content).toBe(paste);
    } finally {
      fixture.setScenario(null);
      await client.request('providers.remove', { id: big.id });
    }
  });

  it('deleting a conversation stops its answer and refuses new turns in it', async () => {
    const conv = await client.request('conversations.create', {});
    const deleted = client.waitFor('conversation.deleted', (e) => e.id === conv.id);
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: '/slow delete me' });
    await new Promise((r) => setTimeout(r, 200));
    const [del, send] = await Promise.allSettled([
      client.request('conversations.delete', { id: conv.id }),
      client.request('chat.send', { conversationId: conv.id, text: 'sneaking in' }),
    ]);
    expect(del.status).toBe('fulfilled');
    expect(send.status).toBe('rejected');
    await deleted;
    expect((await finished(conv.id, assistantMessage.id)).status).toBe('stopped');
    await expect(client.request('conversations.messages', { id: conv.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(core.streams.isActive(conv.id)).toBe(false);
  });

  it('sends the system prompt and parameters, and trims old turns to the context window', async () => {
    const small = await client.request('providers.save', {
      draft: { name: 'Small', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', apiKey: KEY, contextWindow: 600 },
    });
    const conv = await client.request('conversations.create', { providerId: small.id });
    await client.request('conversations.setParams', { id: conv.id, params: { systemPrompt: 'Answer briefly.', temperature: 0.3, maxOutputTokens: 100 } });
    const long = 'old words '.repeat(40); // ~80 tokens per turn
    fixture.setScenario({ kind: 'answer', text: long, tokensPerSecond: 5000 });
    try {
      for (let i = 0; i < 6; i++) {
        const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: `${i}: ${long}` });
        await finished(conv.id, assistantMessage.id);
      }
    } finally {
      fixture.setScenario(null);
    }
    const body = fixture.requests.at(-1)?.body as { messages: { role: string; content: string }[]; temperature: number; max_tokens: number };
    expect(body.temperature).toBe(0.3);
    expect(body.max_tokens).toBe(100);
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Answer briefly.' });
    expect(body.messages.at(-1)?.content.startsWith('5: ')).toBe(true);
    expect(body.messages[1]?.role).toBe('user');
    // 11 turns of ~80 tokens do not fit in 600 - 100: the oldest were left out, and the answer says so
    const turns = body.messages.length - 1;
    expect(turns).toBeLessThan(11);
    const messages = await client.request('conversations.messages', { id: conv.id });
    expect(messages.at(-1)?.context).toMatchObject({ sent: turns, total: 11, contextWindow: 600 });
    await client.request('providers.remove', { id: small.id });
  });

  it('refuses a parameter outside the provider\'s range before saving or sending anything', async () => {
    // Qianfan v1 takes at most 2048 output tokens; the contract's wider range lets 5000 through.
    const qianfan = await client.request('providers.save', {
      draft: { name: 'ERNIE', kind: 'qianfan', presetId: 'qianfan', baseUrl: `http://127.0.0.1:${await closedPort()}`, defaultModel: 'ernie-4.0-8k', apiKey: 'ak', apiSecret: 'sk' },
    });
    const conv = await client.request('conversations.create', { providerId: qianfan.id });
    await client.request('conversations.setParams', { id: conv.id, params: { maxOutputTokens: 5000, temperature: 0.5 } });
    await expect(client.request('chat.send', { conversationId: conv.id, text: '你好' })).rejects.toMatchObject({
      code: 'bad_request',
      messageKey: 'errors.paramOutOfRange',
      params: { name: 'max_tokens', value: 5000, range: '2–2048' },
      retryable: false,
    });
    expect(await client.request('conversations.messages', { id: conv.id })).toEqual([]);
    // top_k is not a Qianfan v1 parameter: it is never sent, so it is not an error either.
    await client.request('conversations.setParams', { id: conv.id, params: { topK: 500, maxOutputTokens: 2048 } });
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: '你好' });
    expect((await finished(conv.id, assistantMessage.id)).error).toMatchObject({ code: 'network' });
    await client.request('providers.remove', { id: qianfan.id });
  });

  it('keeps the silence timeout setting within its range', async () => {
    expect((await client.request('settings.update', { streamTimeoutSeconds: 300 })).streamTimeoutSeconds).toBe(300);
    await expect(client.request('settings.update', { streamTimeoutSeconds: 5 })).rejects.toMatchObject({ code: 'bad_request' });
    expect((await client.request('settings.get', {})).streamTimeoutSeconds).toBe(300);
    await client.request('settings.update', { streamTimeoutSeconds: 120 });
  });

  it('a question longer than the whole context window fails clearly and is kept', async () => {
    const tiny = await client.request('providers.save', {
      draft: { name: 'Tiny', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', apiKey: KEY, contextWindow: 512 },
    });
    const conv = await client.request('conversations.create', { providerId: tiny.id });
    const before = fixture.requests.length;
    const question = 'far too long '.repeat(300);
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: question });
    expect((await finished(conv.id, assistantMessage.id)).error).toMatchObject({ code: 'context_too_long', retryable: false });
    expect(fixture.requests.length).toBe(before);
    expect((await client.request('conversations.messages', { id: conv.id }))[0]?.content).toBe(question);
    await client.request('providers.remove', { id: tiny.id });
  });

  it('Continue carries a stopped answer on in the same message, without repeating it', async () => {
    const conv = await client.request('conversations.create', {});
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: '/slow to be continued' });
    await new Promise((r) => setTimeout(r, 400));
    await client.request('chat.stop', { conversationId: conv.id });
    const stopped = await finished(conv.id, assistantMessage.id);
    expect(stopped.status).toBe('stopped');
    answers.forget(assistantMessage.id);
    fixture.setScenario({ kind: 'answer', text: ' and so it goes on.' });
    try {
      const { assistantMessage: again } = await client.request('chat.continue', { conversationId: conv.id, messageId: assistantMessage.id });
      expect(again.id).toBe(assistantMessage.id);
      const done = await finished(conv.id, assistantMessage.id);
      expect(done.status).toBe('done');
      expect(done.content).toBe(stopped.content + ' and so it goes on.');
      // OpenAI-compatible servers get the partial answer as the last (prefill) message
      const body = fixture.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
      expect(body.messages.at(-1)).toEqual({ role: 'assistant', content: stopped.content });
      const visible = await client.request('conversations.messages', { id: conv.id });
      expect(visible.map((m) => m.id)).toEqual([visible[0]!.id, assistantMessage.id]);
      await expect(client.request('chat.continue', { conversationId: conv.id, messageId: assistantMessage.id })).rejects.toMatchObject({ code: 'bad_request' });
    } finally {
      fixture.setScenario(null);
    }
  });

  it('attaching to a row left streaming with nothing behind it marks it interrupted, keeping its text', async () => {
    const conv = await client.request('conversations.create', {});
    const stale = core.history.appendMessage({ conversationId: conv.id, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    core.history.checkpoint(stale.id, 'half an answer', '');
    expect(await client.request('chat.attach', { conversationId: conv.id })).toBeNull();
    expect(await finished(conv.id, stale.id)).toMatchObject({ status: 'interrupted', content: 'half an answer' });
  });

  it('records how long the model thought', async () => {
    const conv = await client.request('conversations.create', {});
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: '/reason please' });
    const done = await finished(conv.id, assistantMessage.id);
    expect(done.reasoning.length).toBeGreaterThan(10);
    expect(done.reasoningMs).toBeGreaterThan(50);
    expect(done.content).toBe('Here is the answer after thinking.');
  });

  it('a second send while streaming is refused, and the text is not saved twice', async () => {
    const conv = await client.request('conversations.create', {});
    await client.request('chat.send', { conversationId: conv.id, text: '/slow one' });
    await expect(client.request('chat.send', { conversationId: conv.id, text: 'two' })).rejects.toMatchObject({ messageKey: 'errors.streamActive' });
    await client.request('chat.stop', { conversationId: conv.id });
    expect((await client.request('conversations.messages', { id: conv.id })).filter((m) => m.role === 'user')).toHaveLength(1);
  });

  it('a wrong key ends the turn with a translated auth error that never contains the key', async () => {
    await client.request('providers.save', { id: providerId, draft: { name: 'Fixture', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', apiKey: 'sk-wrong-key-456' } });
    const conv = await client.request('conversations.create', {});
    const framesBefore = client.frames.length;
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: 'hello?' });
    const failed = await finished(conv.id, assistantMessage.id);
    expect(failed.status).toBe('error');
    expect(failed.error).toMatchObject({ code: 'auth', messageKey: 'errors.auth', retryable: false });
    expect(client.frames.slice(framesBefore).join('')).not.toContain('sk-wrong-key-456');
    await expect(client.request('providers.test', { id: providerId })).rejects.toMatchObject({ code: 'auth' });

    // fixing the key and retrying answers on a new branch; the failed answer stays in history
    await client.request('providers.save', { id: providerId, draft: { name: 'Fixture', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', apiKey: KEY } });
    const retried = await client.request('chat.retry', { conversationId: conv.id, messageId: assistantMessage.id });
    const ok = await finished(conv.id, retried.assistantMessage.id);
    expect(ok.content).toBe('You said: hello?');
    expect(retried.assistantMessage.parentId).toBe(failed.parentId);
    const visible = await client.request('conversations.messages', { id: conv.id });
    expect(visible.map((m) => m.status)).toEqual(['done', 'done']);
  });

  it('a dead server fails fast with a network error, and a missing provider is refused before saving', async () => {
    const deadPort = await closedPort();
    const dead = await client.request('providers.save', { draft: { name: 'Dead', presetId: 'custom', baseUrl: `http://127.0.0.1:${deadPort}/v1`, defaultModel: 'm' } });
    const conv = await client.request('conversations.create', { providerId: dead.id });
    const { assistantMessage } = await client.request('chat.send', { conversationId: conv.id, text: 'anyone?' });
    expect((await finished(conv.id, assistantMessage.id)).error).toMatchObject({ code: 'network', messageKey: 'errors.unreachable' });
    await client.request('providers.remove', { id: dead.id });
    await client.request('providers.remove', { id: providerId });
    const orphan = await client.request('conversations.create', {});
    await expect(client.request('chat.send', { conversationId: orphan.id, text: 'keep me' })).rejects.toBeInstanceOf(AppError);
    await expect(client.request('chat.send', { conversationId: orphan.id, text: 'keep me' })).rejects.toMatchObject({ messageKey: 'errors.noProvider' });
    expect(await client.request('conversations.messages', { id: orphan.id })).toEqual([]);
  });
});
