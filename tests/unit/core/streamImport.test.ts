import { afterEach, describe, expect, it } from 'vitest';
import { StreamingImport } from '../../../src/main/core/history/transfer/streamImport';
import { IMPORT_CHUNK_CHARS, type TransferProgress } from '../../../src/shared/contract';
import { chatgptExport } from '../../fixtures/chatgptExport';
import { startCore } from '../../support/coreKit';

const cores: ReturnType<typeof startCore>[] = [];
afterEach(async () => {
  for (const k of cores.splice(0)) await k.core.shutdown();
});
function kit() {
  const k = startCore({ autoTitle: false });
  cores.push(k);
  return k;
}
type Kit = ReturnType<typeof kit>;

function parts(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += IMPORT_CHUNK_CHARS) out.push(text.slice(at, at + IMPORT_CHUNK_CHARS));
  return out;
}

function chunk(k: Kit, uploadId: string, all: string[], index: number, total: number) {
  return k.call('transfer.importChunk', { uploadId, index, last: index === all.length - 1, text: all[index]!, total });
}

/** Every row of the history, to compare before and after. */
function dump(k: Kit): string {
  const db = k.core.history.database;
  const rows = (sql: string) => db.prepare(sql).all();
  return JSON.stringify({
    conversations: rows('SELECT * FROM conversations ORDER BY id'),
    messages: rows('SELECT * FROM messages ORDER BY id'),
    assistants: rows('SELECT * FROM assistants ORDER BY id'),
    search: rows("SELECT rowid FROM message_fts WHERE message_fts MATCH 'the' ORDER BY rowid"),
  });
}

/** A history with something of everything an import touches: its own chat, a conversation imported before (gains messages), one imported and then deleted (purged and brought back). */
async function lived(k: Kit) {
  const c = k.core.history.createConversation({ title: 'Mine' });
  const q = k.core.history.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'my own question about the sea', status: 'done' });
  k.core.history.appendMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: 'my own answer', status: 'done' });
  const earlier = chatgptExport(200_000, 11);
  const firstTwo = JSON.stringify((JSON.parse(earlier.text) as unknown[]).slice(0, 2));
  await k.call('transfer.importChunk', { uploadId: 'earlier', index: 0, last: true, text: firstTwo });
  const listed = await k.call('conversations.list', {});
  await k.call('conversations.delete', { id: listed.find((x) => x.title.startsWith('Conversation 1:'))!.id });
}

// Importing a few MB indexes thousands of messages for search: tens of seconds on a busy machine.
describe('streaming import of a ChatGPT export', { timeout: 180_000 }, () => {
  it('imports a generated multi-part file, reporting progress as it reads', async () => {
    const k = kit();
    const file = chatgptExport(2_300_000);
    const all = parts(file.text);
    expect(all.length).toBeGreaterThan(2);
    const progress: TransferProgress[] = [];
    k.core.bus.on((name, payload) => {
      if (name === 'transfer.progress') progress.push(payload as TransferProgress);
    });
    let result = null;
    for (let i = 0; i < all.length; i++) result = await chunk(k, 'big', all, i, file.text.length);
    expect(result).toEqual({ format: 'chatgpt', conversations: file.conversations, messages: file.messages, unchanged: 0 });
    expect((await k.call('conversations.list', {})).length).toBe(file.conversations);
    const done = progress.filter((p) => p.id === 'big').map((p) => p.done);
    expect(done.length).toBeGreaterThan(50);
    expect(done.every((d, i) => i === 0 || d >= done[i - 1]!)).toBe(true);
    expect(done.at(-1)).toBe(file.text.length);
    expect(progress.every((p) => p.kind === 'import' && p.total === file.text.length)).toBe(true);
  });

  it('cancelled mid-way (a part in flight) leaves the history exactly as it was', async () => {
    const k = kit();
    await lived(k);
    const before = dump(k);
    const file = chatgptExport(2_300_000, 11); // starts with the two conversations imported before
    const all = parts(file.text);
    await chunk(k, 'c1', all, 0, file.text.length);
    const inFlight = chunk(k, 'c1', all, 1, file.text.length);
    let seen = 0;
    await new Promise<void>((resolve) => {
      const off = k.core.bus.on((name, payload) => {
        if (name === 'transfer.progress' && (payload as TransferProgress).id === 'c1' && ++seen === 3) {
          off();
          resolve();
        }
      });
    });
    const [cancel, part] = await Promise.allSettled([k.call('transfer.cancelImport', { uploadId: 'c1' }), inFlight]);
    expect(cancel.status).toBe('fulfilled');
    expect(part).toMatchObject({ status: 'rejected', reason: { messageKey: 'errors.importCancelled' } });
    expect(dump(k) === before).toBe(true);
    // the upload is gone: its next part is refused, and nothing changes
    await expect(chunk(k, 'c1', all, 2, file.text.length)).rejects.toMatchObject({ code: 'bad_request' });
    expect(dump(k) === before).toBe(true);
  });

  it('malformed JSON after many conversations: a clear error and nothing changes', async () => {
    const k = kit();
    await lived(k);
    const before = dump(k);
    const file = chatgptExport(2_300_000, 11);
    const at = file.text.indexOf(',{"title"', 2_050_000); // between two conversations
    const broken = `${file.text.slice(0, at)},not json${file.text.slice(at)}`;
    const all = parts(broken);
    await chunk(k, 'm', all, 0, broken.length);
    await chunk(k, 'm', all, 1, broken.length);
    expect((await k.call('conversations.list', {})).length).toBeGreaterThan(30); // it was importing
    await expect(chunk(k, 'm', all, 2, broken.length)).rejects.toMatchObject({ code: 'bad_request', messageKey: 'errors.importUnknown' });
    expect(dump(k) === before).toBe(true);
  });

  it('a file that ends early is refused at its last part and nothing stays', async () => {
    const k = kit();
    const before = dump(k);
    const file = chatgptExport(300_000);
    await expect(k.call('transfer.importChunk', { uploadId: 't', index: 0, last: true, text: file.text.slice(0, -1000) })).rejects.toMatchObject({
      messageKey: 'errors.importUnknown',
    });
    expect(dump(k) === before).toBe(true);
  });

  it('refuses one conversation larger than the element limit (memory stays bounded) and takes back what it wrote', async () => {
    const k = kit();
    const before = dump(k);
    const db = k.core.history.database;
    let n = 0;
    const job = new StreamingImport(db, () => `id${n++}`, () => new Promise((r) => setImmediate(r)), () => {}, 100_000);
    const small = chatgptExport(50_000).text;
    const huge = `${small.slice(0, -1)},{"title":"huge","mapping":{"a":{"id":"a","message":{"author":{"role":"user"},"content":{"content_type":"text","parts":["${'x'.repeat(300_000)}"]}}}}}]`;
    await expect(job.feed(huge)).rejects.toMatchObject({ messageKey: 'errors.importTooLarge' });
    expect(dump(k) === before).toBe(true);
  });
});
