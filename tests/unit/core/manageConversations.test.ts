import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanTitle } from '../../../src/main/core/chat/autoTitle';
import { DATABASE_FILE } from '../../../src/main/core/app/paths';
import type { Conversation } from '../../../src/shared/domain';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';

let fixture: OpenAIFixture;
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture.close());

const cores: ReturnType<typeof startCore>[] = [];
afterEach(async () => {
  fixture.setScenario(null);
  for (const k of cores.splice(0)) await k.core.shutdown();
});

async function kit(options: Parameters<typeof startCore>[0] = {}) {
  const k = startCore(options);
  cores.push(k);
  await k.call('providers.save', { draft: { name: 'Fixture', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' } });
  return k;
}

describe('pin, archive, delete with undo', () => {
  it('lists pinned conversations first and flags archived ones', async () => {
    const { call } = await kit();
    const a = await call('conversations.create', {});
    const b = await call('conversations.create', {});
    const c = await call('conversations.create', {});
    await call('conversations.rename', { id: c.id, title: 'newest' });
    expect((await call('conversations.setPinned', { id: a.id, pinned: true })).pinned).toBe(true);
    expect((await call('conversations.setArchived', { id: b.id, archived: true })).archived).toBe(true);
    const list = await call('conversations.list', {});
    expect(list.map((x) => x.id)).toEqual([a.id, c.id, b.id]);
    expect(list.map((x) => [x.pinned, x.archived])).toEqual([[true, false], [false, false], [false, true]]);
    await call('conversations.setPinned', { id: a.id, pinned: false });
    expect((await call('conversations.list', {}))[0]!.id).toBe(c.id);
  });

  it('renaming keeps a conversation in its place (and its date)', async () => {
    const { call } = await kit();
    const older = await call('conversations.create', {});
    await new Promise((r) => setTimeout(r, 5));
    const newer = await call('conversations.create', {});
    const renamed = await call('conversations.rename', { id: older.id, title: 'A better name' });
    expect(renamed.updatedAt).toBe(older.updatedAt);
    expect((await call('conversations.list', {})).map((x) => x.id)).toEqual([newer.id, older.id]);
  });

  it('a deleted conversation disappears at once, can be restored, and is purged after the undo window', async () => {
    const { call, core, events, ended } = await kit({ chat: { checkpointMs: 50, purgeDelayMs: 150 } });
    const kept = await call('conversations.create', {});
    const { assistantMessage } = await call('chat.send', { conversationId: kept.id, text: 'keep me' });
    await ended(assistantMessage.id);
    await call('conversations.delete', { id: kept.id });
    expect((await call('conversations.list', {})).map((c) => c.id)).not.toContain(kept.id);
    await expect(call('conversations.messages', { id: kept.id })).rejects.toMatchObject({ code: 'not_found' });
    const restored = await call('conversations.restore', { id: kept.id });
    expect(restored.title).toBe('keep me');
    expect(events.some((e) => e.name === 'conversation.created' && (e.payload as Conversation).id === kept.id)).toBe(true);
    expect((await call('conversations.messages', { id: kept.id })).map((m) => m.content)).toEqual(['keep me', 'You said: keep me']);

    const gone = await call('conversations.create', {});
    await call('conversations.delete', { id: gone.id });
    await new Promise((r) => setTimeout(r, 400));
    await expect(call('conversations.restore', { id: gone.id })).rejects.toMatchObject({ code: 'not_found' });
    const rows = core.history.database.prepare('SELECT id FROM conversations').all() as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual([kept.id]);
    // the restored one was not purged by its old timer
    expect((await call('conversations.messages', { id: kept.id })).length).toBe(2);
  });

  it('deletes still undoable when Brook stops are final at shutdown', async () => {
    const k = startCore();
    const c = await k.call('conversations.create', {});
    await k.call('conversations.create', {});
    await k.call('conversations.delete', { id: c.id });
    await k.core.shutdown();
    const db = new Database(join(k.dataDir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM conversations').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('automatic titles', () => {
  it('the model writes the title after the first answer; the first words show meanwhile', async () => {
    const { call, until, ended, events } = await kit({ autoTitle: true });
    const c = await call('conversations.create', {});
    fixture.setScenario({ kind: 'answer', text: '"Spring weather in Oslo."' });
    const { assistantMessage } = await call('chat.send', { conversationId: c.id, text: 'What is the weather like in Oslo in spring?' });
    const titles = () => events.filter((e) => e.name === 'conversation.updated' && (e.payload as Conversation).id === c.id).map((e) => (e.payload as Conversation).title);
    expect(titles()[0]).toBe('What is the weather like in Oslo in spring?');
    await ended(assistantMessage.id);
    await until(() => titles().includes('Spring weather in Oslo'), 'the model title');
    const request = fixture.requests.at(-1)!.body as { messages: { role: string; content: string }[]; stream: boolean };
    expect(request.messages.slice(0, 2).map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(request.messages.at(-1)?.content).toMatch(/title/i);
    expect((await call('conversations.list', {})).find((x) => x.id === c.id)?.title).toBe('Spring weather in Oslo');

    // later answers do not retitle
    const before = fixture.requests.length;
    const next = await call('chat.send', { conversationId: c.id, text: 'and in summer?' });
    await ended(next.assistantMessage.id);
    await new Promise((r) => setTimeout(r, 100));
    expect(fixture.requests.length).toBe(before + 1);
  });

  it('keeps the first words when the model fails, and never overrides a name the user gave', async () => {
    const { call, ended, core, until } = await kit({ autoTitle: true });
    const c = await call('conversations.create', {});
    fixture.setScenario({ kind: 'answer', text: 'An answer', tokensPerSecond: 20 });
    const sent = fixture.requests.length;
    const { assistantMessage } = await call('chat.send', { conversationId: c.id, text: '你好，今天天气怎么样？' });
    await until(() => fixture.requests.length > sent, 'the answer request');
    fixture.setScenario({ kind: 'answer', text: 'x', interrupt: { afterTokens: 0, kind: 'error' } });
    expect((await ended(assistantMessage.id)).status).toBe('done');
    await until(() => !core.history.hasAutoTitle(c.id), 'the title to settle');
    expect(core.history.getConversation(c.id)?.title).toBe('你好，今天天气怎么样？');
    expect(core.history.hasAutoTitle(c.id)).toBe(false);

    const d = await call('conversations.create', {});
    fixture.setScenario({ kind: 'answer', text: 'Model title', tokensPerSecond: 20 });
    const turn = await call('chat.send', { conversationId: d.id, text: 'rename me before the title comes' });
    await call('conversations.rename', { id: d.id, title: 'Mine' });
    await ended(turn.assistantMessage.id);
    await new Promise((r) => setTimeout(r, 400));
    expect(core.history.getConversation(d.id)?.title).toBe('Mine');
  });

  it('cleans what a model says into a title', () => {
    expect(cleanTitle('Title: "Oslo in Spring."\nSome explanation')).toBe('Oslo in Spring');
    expect(cleanTitle('<think>hmm</think>\n\n「奥斯陆的春天」。')).toBe('奥斯陆的春天');
    expect(cleanTitle('   \n ')).toBeNull();
    expect(cleanTitle('**Weather talk**')).toBe('Weather talk');
  });
});

describe('assistants (saved prompts)', () => {
  it('are saved, listed, copied into a new conversation and removed', async () => {
    const { call, events } = await kit();
    const translator = await call('assistants.save', {
      draft: { name: 'Translator', params: { systemPrompt: 'Translate into French.', temperature: 0.2, topP: 0.9, maxOutputTokens: 500 } },
    });
    expect(events.some((e) => e.name === 'assistants.changed')).toBe(true);
    const c = await call('conversations.create', { assistantId: translator.id });
    expect(c.params).toEqual({ systemPrompt: 'Translate into French.', temperature: 0.2, topP: 0.9, maxOutputTokens: 500 });
    // a copy: editing the assistant later leaves the conversation as it was
    await call('assistants.save', { id: translator.id, draft: { name: 'Translator FR', params: { systemPrompt: 'Changed' } } });
    expect((await call('conversations.list', {})).find((x) => x.id === c.id)?.params.systemPrompt).toBe('Translate into French.');
    expect((await call('assistants.list', {})).map((a) => a.name)).toEqual(['Translator FR']);
    await call('assistants.remove', { id: translator.id });
    expect(await call('assistants.list', {})).toEqual([]);
    await expect(call('conversations.create', { assistantId: translator.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('assistants.save', { draft: { name: '', params: {} } })).rejects.toThrow();
    await expect(call('assistants.save', { draft: { name: 'Hot', params: { temperature: 3 } } })).rejects.toThrow();
  });
});
