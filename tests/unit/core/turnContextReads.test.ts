/**
 * A turn in a long conversation reads only what the model's window can use, weighs stored
 * messages by the token counts kept for them (migration 12) instead of counting them again,
 * and a finished answer is indexed for search off the write that ends it, yet found at once.
 * Real SQLite file, real OpenAI-compatible fixture over HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src/main/core/base/eventBus';
import { estimateTokens } from '../../../src/main/core/base/contextBudget';
import { ChatService } from '../../../src/main/core/chat/ChatService';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';
import { ProviderService } from '../../../src/main/core/settings/ProviderService';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState, SettingsRepository } from '../../../src/main/core/settings/settingsState';
import { StreamManager } from '../../../src/main/core/streaming/StreamManager';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { busStreams, recordAnswerEnds, waitUntil } from '../../support/answerEnds';
import { upload } from '../../support/attachmentSamples';
import { startCore } from '../../support/coreKit';

let fixture: OpenAIFixture;
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture.close());

function setup(contextWindow: number) {
  const dir = mkdtempSync(join(tmpdir(), 'brook-turn-'));
  const history = new HistoryStore({ file: join(dir, 'h.sqlite') });
  const settings = new SettingsRepository({ store: { ...defaultState() } });
  const providers = new ProviderService(settings, new FileSecretStore(join(dir, 'k.json')), () => ({ fetch }));
  providers.save(undefined, { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', contextWindow });
  const bus = new EventBus();
  const chat = new ChatService(history, providers, new StreamManager(), bus, { checkpointMs: 50 });
  const { ended } = recordAnswerEnds(busStreams(bus));
  return { history, chat, ended };
}

/** A linear conversation of `count` done messages `m0…`, each about 40 tokens. */
function seed(history: HistoryStore, count: number): string {
  const c = history.createConversation({ title: 'long' });
  const db = history.database;
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, reasoning, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', 'done', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      insert.run(`m${i}`, c.id, i === 0 ? null : `m${i - 1}`, i % 2 === 0 ? 'user' : 'assistant', `message number ${i}: ${'words to weigh '.repeat(12)}`, 1000 + i, 1000 + i);
    }
    db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(`m${count - 1}`, c.id);
  })();
  return c.id;
}

type Body = { messages: { role: string; content: string }[] };
const sentContents = () => (fixture.requests.at(-1)!.body as Body).messages.map((m) => m.content);
const storedCounts = (history: HistoryStore) =>
  new Map((history.database.prepare('SELECT message_id, tokens FROM message_tokens').all() as { message_id: string; tokens: number }[]).map((r) => [r.message_id, r.tokens]));

describe('a turn in a long conversation', () => {
  it('reads the branch newest first only as far as the window goes, never the whole branch', async () => {
    const { history, chat, ended } = setup(4096);
    const conversationId = seed(history, 2000);
    const wholeBranch = vi.spyOn(history, 'visiblePath');
    const pathTo = vi.spyOn(history, 'pathTo');
    const newestFirst = history.context.newestFirst.bind(history.context);
    let rowsRead = 0;
    history.context.newestFirst = function* (from: string | null) {
      for (const m of newestFirst(from)) {
        rowsRead++;
        yield m;
      }
    };

    const { assistantMessage } = chat.send(conversationId, 'and now?');
    await ended(assistantMessage.id);

    expect(wholeBranch).not.toHaveBeenCalled();
    expect(pathTo).not.toHaveBeenCalled();
    // ~3,000 tokens of room at ~40 tokens a message: about 75 messages, never 2,000.
    expect(rowsRead).toBeGreaterThan(20);
    expect(rowsRead).toBeLessThan(120);
    const sent = sentContents();
    expect(sent.at(-1)).toBe('and now?');
    expect(sent.at(-2)).toMatch(/^message number 1999:/);
    expect(sent.length).toBeLessThan(rowsRead + 1);
    // The answer still says how much of the whole branch was sent.
    const context = history.getMessage(assistantMessage.id)!.context!;
    expect(context.total).toBe(2001);
    expect(context.sent).toBe(sent.length);

    // The next turn counts on from the answer's own total rather than walking the branch again.
    const turnsFrom = vi.spyOn(history.context, 'turnsFrom');
    const next = chat.send(conversationId, 'and then?');
    await ended(next.assistantMessage.id);
    expect(history.getMessage(next.assistantMessage.id)!.context!.total).toBe(2003);
    expect(turnsFrom).not.toHaveBeenCalled();
  });

  it('counts each stored message once and then weighs it by its stored count', async () => {
    const { history, chat, ended } = setup(4096);
    const conversationId = seed(history, 300);
    const first = chat.send(conversationId, 'first question');
    await ended(first.assistantMessage.id);
    const counts = storedCounts(history);
    // The messages the turn read were counted and kept: the text and the per-message overhead.
    expect(counts.get('m299')).toBe(estimateTokens(history.getMessage('m299')!.content));
    expect(counts.has('m0')).toBe(false);

    // A count that says m290 is huge: the next turn must believe it rather than count again.
    history.database.prepare("UPDATE message_tokens SET tokens = 1000000 WHERE message_id = 'm290'").run();
    const second = chat.send(conversationId, 'second question');
    await ended(second.assistantMessage.id);
    const sent = sentContents();
    // m291 is an answer, and a context opens with a question: m292 is the oldest sent.
    expect(sent[0]).toMatch(/^message number 292:/);
    expect(sent.some((c) => c.startsWith('message number 290:'))).toBe(false);
    expect(storedCounts(history).get('m290')).toBe(1_000_000);
    // The first turn's question and answer were counted by this one.
    expect(storedCounts(history).has(first.userMessage.id)).toBe(true);
    expect(storedCounts(history).has(first.assistantMessage.id)).toBe(true);
  });

  it('forgets a stored count when the message changes', () => {
    const { history } = setup(4096);
    seed(history, 4);
    history.context.storeTokens(new Map([['m3', 99]]));
    expect(storedCounts(history).get('m3')).toBe(99);
    history.database.prepare("UPDATE messages SET content = 'changed' WHERE id = 'm3'").run();
    expect(storedCounts(history).has('m3')).toBe(false);
  });

  it('indexes a finished answer after the write that ends it, and search finds it right away', async () => {
    const { history } = setup(4096);
    const c = history.createConversation({});
    const indexed = (word: string) =>
      history.database.prepare('SELECT COUNT(*) FROM message_fts WHERE message_fts MATCH ?').pluck().get(`"${word}"`) as number;
    const search = (word: string) => history.search.search({ query: word, order: 'newest', limit: 10, includeReasoning: false }).hits.map((h) => h.messageId);

    const answer = history.appendMessage({ conversationId: c.id, parentId: null, role: 'assistant', content: '', status: 'streaming' });
    history.finishMessage(answer.id, { status: 'done', content: 'The kingfisher dives at dawn.', reasoning: '' });
    // Not inside the write that ended it...
    expect(indexed('kingfisher')).toBe(0);
    // ...yet a search right after finds it.
    expect(search('kingfisher')).toEqual([answer.id]);

    const later = history.appendMessage({ conversationId: c.id, parentId: answer.id, role: 'assistant', content: '', status: 'streaming' });
    history.finishMessage(later.id, { status: 'done', content: 'A heron waits in the reeds.', reasoning: '' });
    expect(indexed('heron')).toBe(0);
    // With no search asking, the queue is indexed within a moment.
    await waitUntil(() => indexed('heron') === 1, 'the deferred index');
    expect(search('heron')).toEqual([later.id]);
  });
});

describe('stored counts and attachments', () => {
  it("a question's stored count includes its documents, as an older turn sends them whole", async () => {
    const kit = startCore({ autoTitle: false });
    try {
      fixture.setScenario({ kind: 'answer', text: 'ok' });
      const provider = await kit.call('providers.save', { draft: { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' } });
      const { id: conversationId } = await kit.call('conversations.create', { providerId: provider.id, model: 'fixture-chat' });
      const notes = 'The harbour opens at nine and closes at six. '.repeat(40);
      const doc = await upload(kit.call, 'notes.md', Buffer.from(notes));
      const first = await kit.call('chat.send', { conversationId, text: 'When?', attachmentIds: [doc.id] });
      await kit.ended(first.assistantMessage.id);
      const second = await kit.call('chat.send', { conversationId, text: 'And on Sunday?' });
      await kit.ended(second.assistantMessage.id);

      const stored = kit.core.history.database.prepare('SELECT tokens FROM message_tokens WHERE message_id = ?').pluck().get(first.userMessage.id) as number;
      expect(stored).toBeGreaterThan(estimateTokens(notes));
      // The older question went to the model with its document, and the new one after it.
      const sent = (fixture.requests.at(-1)!.body as Body).messages.map((m) => m.content);
      expect(sent.some((c) => c.includes('<document name="notes.md">') && c.endsWith('When?'))).toBe(true);
      expect(sent.at(-1)).toBe('And on Sunday?');
    } finally {
      fixture.setScenario(null);
      await kit.core.shutdown();
    }
  });
});
