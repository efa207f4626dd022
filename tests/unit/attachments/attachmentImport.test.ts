import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../src/shared/attachments';
import { IMPORT_CHUNK_CHARS } from '../../../src/shared/contract';
import { readMessageAttachments } from '../../../src/main/core/history';
import type { BrookExport } from '../../../src/main/core/history/transfer/brookJson';
import { startCore } from '../../support/coreKit';
import { pngImage, upload } from '../../support/attachmentSamples';

type Kit = ReturnType<typeof startCore>;
const kits: Kit[] = [];
afterEach(async () => {
  for (const k of kits.splice(0)) await k.core.shutdown();
});
function kit(): Kit {
  const k = startCore({ autoTitle: false });
  kits.push(k);
  return k;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Sends a file the way the window does: in parts, the last one running the import. */
async function importText(k: Kit, text: string, uploadId = `u${Math.random()}`) {
  const parts = Math.max(1, Math.ceil(text.length / IMPORT_CHUNK_CHARS));
  let result = null;
  for (let i = 0; i < parts; i++) {
    result = await k.call('transfer.importChunk', { uploadId, index: i, last: i === parts - 1, text: text.slice(i * IMPORT_CHUNK_CHARS, (i + 1) * IMPORT_CHUNK_CHARS) });
  }
  return result!;
}

/** A conversation whose question carries the given files, in `k`, ready to export (document text read). */
async function conversationWithFiles(k: Kit, title: string, files: [string, Buffer][]): Promise<string> {
  const attachments: Attachment[] = [];
  for (const [name, bytes] of files) attachments.push(await upload(k.call, name, bytes));
  await k.until(
    () => attachments.every((a) => ['done', 'no-text'].includes((k.core.handlers['attachments.get']({ id: a.id }) as Attachment).extraction.state)),
    'extraction',
  );
  const conversation = k.core.history.createConversation({ title });
  const question = k.core.history.appendMessage({ conversationId: conversation.id, parentId: null, role: 'user', content: `About ${title}`, status: 'done', attachmentIds: attachments.map((a) => a.id) });
  k.core.history.appendMessage({ conversationId: conversation.id, parentId: question.id, role: 'assistant', content: 'Read', status: 'done' });
  return conversation.id;
}

/** The whole history's Brook JSON, longer than one import part (the second conversation arrives later). */
async function exportAll(k: Kit): Promise<string> {
  const head = await k.call('transfer.exportAll', { part: 0 });
  let text = head.text;
  for (let part = 1; part < head.parts; part++) text += (await k.call('transfer.exportAll', { exportId: head.exportId, part })).text;
  expect(text.length).toBeGreaterThan(IMPORT_CHUNK_CHARS);
  return text;
}

const count = (k: Kit, table: string) => k.core.history.database.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('importing a Brook JSON export with attached files', () => {
  it('restores the files on a fresh core, linked to the same messages, with thumbnails and document text; a second import adds nothing', async () => {
    const source = kit();
    const picture = await pngImage(40, 30);
    const notes = Buffer.from('Minutes\n\nThe lighthouse budget was approved.');
    const id = await conversationWithFiles(source, 'Budget', [['plan.png', picture], ['minutes.txt', notes]]);
    const file = (await source.call('transfer.exportConversation', { id, format: 'json' })).text;

    const target = kit();
    expect(await importText(target, file)).toMatchObject({ format: 'brook', conversations: 1, messages: 2 });
    const path = target.core.history.visiblePath(id);
    expect(path.map((m) => m.role)).toEqual(['user', 'assistant']);
    const [image, document] = path[0]!.attachments!;
    expect(image).toMatchObject({ name: 'plan.png', kind: 'image', width: 40, height: 30 });
    expect((await target.core.attachments.original(image!.id)).equals(picture)).toBe(true);
    expect((await target.core.attachments.thumbnail(image!.id, 'small')).width).toBe(40);
    expect(document).toMatchObject({ name: 'minutes.txt', kind: 'document', extraction: { state: 'done' } });
    expect((await target.core.attachments.original(document!.id)).equals(notes)).toBe(true);
    expect(target.core.attachments.text(document!.id).text).toContain('lighthouse budget');
    expect(target.core.attachments.blobs.list().sort()).toEqual([sha(picture), sha(notes)].sort());

    expect(await importText(target, file)).toMatchObject({ conversations: 0, messages: 0, unchanged: 1 });
    expect(count(target, 'message_attachments')).toBe(2);
    expect(target.core.attachments.blobs.list()).toHaveLength(2);
  });

  it('refuses a file whose bytes do not match their sha256, leaving no rows and nothing the sweep keeps', async () => {
    const source = kit();
    const id = await conversationWithFiles(source, 'Tampered', [['a.png', await pngImage(8, 8)]]);
    const exported = JSON.parse((await source.call('transfer.exportConversation', { id, format: 'json' })).text) as BrookExport;
    const other = await pngImage(9, 9);
    const attached = exported.conversations[0]!.messages[0]!.attachments![0]!;
    attached.data = other.toString('base64');
    attached.size = other.length;

    const target = kit();
    await expect(importText(target, JSON.stringify(exported))).rejects.toMatchObject({ code: 'bad_request', messageKey: 'errors.importUnknown' });
    expect(count(target, 'conversations')).toBe(0);
    expect(count(target, 'attachments')).toBe(0);
    target.core.attachments.sweep();
    expect(target.core.attachments.blobs.list()).toEqual([]);
  });

  it('a deleted conversation imported again and cancelled comes back deleted with its files', async () => {
    const source = kit();
    const first = await pngImage(16, 16);
    const id = await conversationWithFiles(source, 'First', [['first.png', first]]);
    await conversationWithFiles(source, 'Second', [['report.txt', Buffer.from('Long report line.\n'.repeat(70_000))]]);
    const text = await exportAll(source);

    const target = kit();
    await importText(target, text);
    const question = target.core.history.visiblePath(id)[0]!;
    const [before] = question.attachments!;
    target.core.history.softDeleteConversation(id);
    const uploadId = 'purge-then-cancel';
    await target.call('transfer.importChunk', { uploadId, index: 0, last: false, text: text.slice(0, IMPORT_CHUNK_CHARS) });
    const during = target.core.history.database.prepare('SELECT deleted_at FROM conversations WHERE id = ?').pluck().get(id);
    expect(during).toBeNull();
    await target.call('transfer.cancelImport', { uploadId });

    expect(target.core.history.database.prepare('SELECT deleted_at FROM conversations WHERE id = ?').pluck().get(id)).not.toBeNull();
    target.core.attachments.sweep();
    expect(readMessageAttachments(target.core.history.database, [question.id]).get(question.id)).toEqual([before]);
    expect((await target.core.attachments.original(before!.id)).equals(first)).toBe(true);
  });

  it('cancelled after its first conversation is stored: no attachment row stays linked and the sweep removes the files', async () => {
    const source = kit();
    const first = await pngImage(16, 16);
    await conversationWithFiles(source, 'First', [['first.png', first]]);
    // Large enough that the second conversation arrives in a later part.
    const big = Buffer.from('Long report line.\n'.repeat(70_000));
    await conversationWithFiles(source, 'Second', [['report.txt', big]]);
    const whole = { text: await exportAll(source) };

    const target = kit();
    const uploadId = 'cancelled-import';
    await target.call('transfer.importChunk', { uploadId, index: 0, last: false, text: whole.text.slice(0, IMPORT_CHUNK_CHARS) });
    expect(count(target, 'message_attachments')).toBe(1);
    expect(target.core.attachments.blobs.list()).toContain(sha(first));

    await target.call('transfer.cancelImport', { uploadId });
    expect(count(target, 'conversations')).toBe(0);
    expect(count(target, 'message_attachments')).toBe(0);
    expect(count(target, 'attachments')).toBe(0);
    target.core.attachments.sweep();
    expect(target.core.attachments.blobs.list()).toEqual([]);
  });
});
