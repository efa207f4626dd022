/**
 * What a turn costs the main thread: `ChatService.send` (from the call until it returns, the
 * answer's request under way) in a 10,000-message conversation and a 30-message one, and
 * `HistoryStore.finishMessage` for a long answer (the write that ends every answer). Real
 * SQLite file, real OpenAI-compatible fixture over HTTP, a 128k-token window. Every streamed
 * answer shares the one main thread with these calls, so their time is how long every stream
 * stalls. Figures are printed, never asserted.
 *
 *   npm run bench:chat (BENCH_MESSAGES=10000 BENCH_SENDS=15)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { EventBus } from '../src/main/core/base/eventBus';
import { ChatService } from '../src/main/core/chat/ChatService';
import { HistoryStore } from '../src/main/core/history/HistoryStore';
import { ProviderService } from '../src/main/core/settings/ProviderService';
import { FileSecretStore } from '../src/main/core/settings/secrets';
import { defaultState, SettingsRepository } from '../src/main/core/settings/settingsState';
import { StreamManager } from '../src/main/core/streaming/StreamManager';
import { startOpenAIFixture } from '../tests/fixtures/openaiServer';
import { busStreams, recordAnswerEnds } from '../tests/support/answerEnds';

const LONG = Number(process.env.BENCH_MESSAGES ?? 10_000);
const SENDS = Number(process.env.BENCH_SENDS ?? 15);

const WORDS = 'the brook keeps flowing one small token at a time while we read write count index and send messages across many models with care speed and patience'.split(' ');

/** Seeded, so every run (before and after a change) writes the same conversation. */
function textOf(seed: number, words: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A linear conversation of `count` messages (questions of ~60 words, answers of ~250), written in one transaction. */
function seedConversation(history: HistoryStore, count: number): string {
  const conversation = history.createConversation({ title: `${count} messages` });
  const db = history.database;
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, reasoning, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '', 'done', ?, ?)`,
  );
  const start = Date.now() - count * 1000;
  db.transaction(() => {
    let parent: string | null = null;
    for (let i = 0; i < count; i++) {
      const id = `${conversation.id}-${i}`;
      const user = i % 2 === 0;
      insert.run(id, conversation.id, parent, user ? 'user' : 'assistant', textOf(i, user ? 60 : 250), start + i * 1000, start + i * 1000);
      parent = id;
    }
    db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(parent, conversation.id);
  })();
  return conversation.id;
}

test('chat.send and finishing an answer, short and long conversations', async () => {
  const fixture = await startOpenAIFixture();
  const dir = mkdtempSync(join(tmpdir(), 'brook-bench-chat-'));
  const history = new HistoryStore({ file: join(dir, 'history.sqlite') });
  const settings = new SettingsRepository({ store: { ...defaultState() } });
  const providers = new ProviderService(settings, new FileSecretStore(join(dir, 'keys.json')), () => ({ fetch }));
  providers.save(undefined, { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat', contextWindow: 128_000 });
  const bus = new EventBus();
  const chat = new ChatService(history, providers, new StreamManager(), bus, { checkpointMs: 500 });
  const { ended } = recordAnswerEnds(busStreams(bus));
  fixture.setScenario({ kind: 'answer', text: 'A short answer.', tokensPerSecond: 10_000 });

  const sends = async (conversationId: string): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < SENDS + 1; i++) {
      const started = performance.now();
      const { assistantMessage } = chat.send(conversationId, textOf(100_000 + i, 40));
      times.push(performance.now() - started);
      await ended(assistantMessage.id);
    }
    return times;
  };

  const seeded = performance.now();
  const long = seedConversation(history, LONG);
  const short = seedConversation(history, 30);
  console.log(`seeded ${LONG} + 30 messages in ${(performance.now() - seeded).toFixed(0)} ms`);

  const lines: string[] = [];
  for (const [name, id] of [[`${LONG} messages`, long], ['30 messages', short]] as const) {
    const [first, ...rest] = await sends(id);
    lines.push(`chat.send  ${name.padEnd(15)} first ${first!.toFixed(1).padStart(6)} ms   then p50 ${pct(rest, 50).toFixed(1).padStart(6)}  p95 ${pct(rest, 95).toFixed(1).padStart(6)}  max ${Math.max(...rest).toFixed(1).padStart(6)} ms  (${rest.length} sends)`);
  }

  // Ending an answer: the row goes from `streaming` to `done` with its whole text.
  for (const words of [2_000, 20_000]) {
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const row = history.appendMessage({ conversationId: short, parentId: null, role: 'assistant', content: '', status: 'streaming' });
      const text = textOf(200_000 + i, words);
      const started = performance.now();
      history.finishMessage(row.id, { status: 'done', content: text, reasoning: '' });
      times.push(performance.now() - started);
    }
    lines.push(`finishMessage ${String(words).padStart(6)} words (${(textOf(0, words).length / 1000).toFixed(0)} kB)  p50 ${pct(times, 50).toFixed(2).padStart(6)}  max ${Math.max(...times).toFixed(2).padStart(6)} ms`);
  }
  // Whatever finishing leaves for later must be done by the time search is asked: the first
  // search right after these 20 back-to-back finishes includes indexing them, the next does not.
  for (const when of ['right after the finishes', 'again']) {
    const searched = performance.now();
    const hits = history.search.search({ query: 'flowing', order: 'newest', limit: 20, includeReasoning: false });
    lines.push(`search ${when} (${hits.hits.length} hits)  ${(performance.now() - searched).toFixed(1)} ms`);
  }

  console.log(lines.join('\n'));
  history.close();
  await fixture.close();
});
