import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../../src/main/core/chat/ChatService';
import { EventBus } from '../../../src/main/core/base/eventBus';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';
import { ProviderService } from '../../../src/main/core/settings/ProviderService';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState, SettingsRepository } from '../../../src/main/core/settings/settingsState';
import { StreamManager } from '../../../src/main/core/streaming/StreamManager';
import type { Message } from '../../../src/shared/domain';
import { applyStreamEvent } from '../../../src/shared/messageReducer';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { busStreams, recordAnswerEnds } from '../../support/answerEnds';

let fixture: OpenAIFixture;
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture.close());

const stores: HistoryStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function store(): HistoryStore {
  let t = 1000;
  const s = new HistoryStore({ file: ':memory:', clock: () => (t += 10) });
  stores.push(s);
  return s;
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'brook-branch-'));
  const history = new HistoryStore({ file: join(dir, 'h.sqlite') });
  stores.push(history);
  const settings = new SettingsRepository({ store: { ...defaultState() } });
  const providers = new ProviderService(settings, new FileSecretStore(join(dir, 'k.json')), () => ({ fetch }));
  providers.save(undefined, { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' });
  const bus = new EventBus();
  const chat = new ChatService(history, providers, new StreamManager(), bus, { checkpointMs: 50 });
  const { ended } = recordAnswerEnds(busStreams(bus));
  return { history, chat, bus, ended };
}

/** The messages the fixture model received in its last request. */
function lastSent(): { role: string; content: string }[] {
  return (fixture.requests.at(-1)?.body as { messages: { role: string; content: string }[] }).messages;
}

describe('the message tree in the store', () => {
  it('gives every message of the visible branch its place among its siblings', () => {
    const s = store();
    const c = s.createConversation({});
    const q1 = s.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'q1', status: 'done' });
    const a1 = s.appendMessage({ conversationId: c.id, parentId: q1.id, role: 'assistant', content: 'a1', status: 'done' });
    const a2 = s.appendMessage({ conversationId: c.id, parentId: q1.id, role: 'assistant', content: 'a2', status: 'done' });
    const a3 = s.appendMessage({ conversationId: c.id, parentId: q1.id, role: 'assistant', content: 'a3', status: 'done' });
    const path = s.visiblePath(c.id);
    expect(path.map((m) => m.id)).toEqual([q1.id, a3.id]);
    expect(path[0]!.branch).toEqual({ index: 0, count: 1, prevId: null, nextId: null });
    expect(path[1]!.branch).toEqual({ index: 2, count: 3, prevId: a2.id, nextId: null });
    expect(s.withBranch(a1).branch).toEqual({ index: 0, count: 3, prevId: null, nextId: a2.id });
  });

  it('counts alternative first questions (roots) per conversation only', () => {
    const s = store();
    const c = s.createConversation({});
    const other = s.createConversation({});
    s.appendMessage({ conversationId: other.id, parentId: null, role: 'user', content: 'elsewhere', status: 'done' });
    const r1 = s.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'first', status: 'done' });
    const r2 = s.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'first, edited', status: 'done' });
    expect(s.visiblePath(c.id)[0]!.branch).toEqual({ index: 1, count: 2, prevId: r1.id, nextId: null });
    expect(s.withBranch(r2).branch?.count).toBe(2);
  });

  it('switching shows the chosen alternative down to its most recent leaf', () => {
    const s = store();
    const c = s.createConversation({});
    const q = s.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'q', status: 'done' });
    const a1 = s.appendMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: 'a1', status: 'done' });
    const f1 = s.appendMessage({ conversationId: c.id, parentId: a1.id, role: 'user', content: 'follow 1', status: 'done' });
    const f1a = s.appendMessage({ conversationId: c.id, parentId: f1.id, role: 'assistant', content: 'follow 1 answer', status: 'done' });
    const f2 = s.appendMessage({ conversationId: c.id, parentId: a1.id, role: 'user', content: 'follow 2', status: 'done' });
    const a2 = s.appendMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: 'a2', status: 'done' });
    expect(s.visiblePath(c.id).map((m) => m.content)).toEqual(['q', 'a2']);
    // a1's subtree: f2 was written after f1a, so it is the most recent leaf
    expect(s.switchBranch(c.id, a1.id).map((m) => m.id)).toEqual([q.id, a1.id, f2.id]);
    expect(s.switchBranch(c.id, f1.id).map((m) => m.id)).toEqual([q.id, a1.id, f1.id, f1a.id]);
    expect(s.visiblePath(c.id).at(-1)?.id).toBe(f1a.id);
    expect(s.switchBranch(c.id, a2.id).map((m) => m.id)).toEqual([q.id, a2.id]);
    expect(() => s.switchBranch(s.createConversation({}).id, a2.id)).toThrow();
  });
});

describe('edit, regenerate and the context sent to the model', () => {
  it('an edit becomes a sibling question, answered with only the branch above it', async () => {
    const { history, chat, ended } = setup();
    const c = history.createConversation({});
    const t1 = chat.send(c.id, 'first question');
    await ended(t1.assistantMessage.id);
    const t2 = chat.send(c.id, 'second question');
    await ended(t2.assistantMessage.id);

    const edited = chat.edit(c.id, t2.userMessage.id, 'second question, edited');
    expect(edited.userMessage.parentId).toBe(t1.assistantMessage.id);
    expect(edited.userMessage.branch).toMatchObject({ index: 1, count: 2, prevId: t2.userMessage.id });
    expect((await ended(edited.assistantMessage.id)).content).toBe('You said: second question, edited');
    expect(lastSent()).toEqual([
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'You said: first question' },
      { role: 'user', content: 'second question, edited' },
    ]);
    expect(history.visiblePath(c.id).map((m) => m.content)).toEqual([
      'first question',
      'You said: first question',
      'second question, edited',
      'You said: second question, edited',
    ]);

    // back to the original question: its answer comes with it, and the next turn follows that branch
    const back = chat.switchBranch(c.id, t2.userMessage.id);
    expect(back.map((m) => m.id)).toEqual([t1.userMessage.id, t1.assistantMessage.id, t2.userMessage.id, t2.assistantMessage.id]);
    expect(back[2]!.branch).toMatchObject({ index: 0, count: 2, nextId: edited.userMessage.id });
    const t3 = chat.send(c.id, 'third');
    await ended(t3.assistantMessage.id);
    expect(lastSent().map((m) => m.content)).toEqual([
      'first question',
      'You said: first question',
      'second question',
      'You said: second question',
      'third',
    ]);
  });

  it('editing the first question makes a new root; regenerating keeps the old answer one step away', async () => {
    const { history, chat, ended } = setup();
    const c = history.createConversation({});
    const t1 = chat.send(c.id, 'hello');
    await ended(t1.assistantMessage.id);
    const e = chat.edit(c.id, t1.userMessage.id, 'hello again');
    await ended(e.assistantMessage.id);
    expect(e.userMessage.parentId).toBeNull();
    expect(lastSent()).toEqual([{ role: 'user', content: 'hello again' }]);

    const r = chat.retry(c.id, e.assistantMessage.id);
    expect(r.assistantMessage.branch).toMatchObject({ index: 1, count: 2, prevId: e.assistantMessage.id });
    await ended(r.assistantMessage.id);
    expect(lastSent()).toEqual([{ role: 'user', content: 'hello again' }]);
    const path = history.visiblePath(c.id);
    expect(path.map((m) => m.id)).toEqual([e.userMessage.id, r.assistantMessage.id]);
    expect(path[0]!.branch).toMatchObject({ index: 1, count: 2 });
  });

  it('refuses to edit an answer, a message of another conversation, or while an answer streams', async () => {
    const { history, chat, ended } = setup();
    const c = history.createConversation({});
    const t = chat.send(c.id, '/slow take your time');
    expect(() => chat.edit(c.id, t.userMessage.id, 'changed')).toThrow(/./);
    expect(() => chat.switchBranch(c.id, t.userMessage.id)).toThrow(/./);
    await chat.stop(c.id);
    await ended(t.assistantMessage.id);
    expect(() => chat.edit(c.id, t.assistantMessage.id, 'changed')).toThrow(/./);
    const other = history.createConversation({});
    expect(() => chat.edit(other.id, t.userMessage.id, 'changed')).toThrow(/./);
  });
});

describe('the stream reducer', () => {
  it('keeps a message’s ‹ 2/3 › place when the final row (which has none) replaces it', () => {
    const branch = { index: 1, count: 2, prevId: 'old', nextId: null };
    const live: Message = {
      id: 'm', conversationId: 'c', parentId: 'q', role: 'assistant', content: 'par', reasoning: '', status: 'streaming',
      error: null, providerId: null, model: null, usage: null, context: null, finishReason: null, reasoningMs: null, webSearch: null,
      createdAt: 1, updatedAt: 1, branch,
    };
    const { branch: _none, ...final } = { ...live, content: 'partial', status: 'done' as const };
    const next = applyStreamEvent([live], { conversationId: 'c', messageId: 'm', event: { type: 'end', message: final } });
    expect(next[0]).toMatchObject({ content: 'partial', status: 'done', branch });
  });
});
