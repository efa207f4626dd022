import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_ZIP_PART_BYTES } from '../../../src/shared/contract';
import { IMPORTED_IMAGE_MARKER } from '../../../src/shared/importedImage';
import { startCore } from '../../support/coreKit';
import { jpegImage, pngImage } from '../../support/attachmentSamples';

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
const count = (k: Kit, table: string) => k.core.history.database.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

type Part = string | { content_type: string; asset_pointer?: string; width?: number; height?: number };

/** One ChatGPT conversation: a question (text and image parts) and an answer. */
function conversation(id: string, title: string, question: Part[], answer = 'A fine picture.') {
  const node = (nodeId: string, parent: string | null, children: string[], role: string | null, parts: Part[], type = 'text') => ({
    id: nodeId,
    parent,
    children,
    message: role ? { id: nodeId, author: { role }, create_time: 1_700_000_000, content: { content_type: type, parts }, status: 'finished_successfully' } : null,
  });
  return {
    id,
    conversation_id: id,
    title,
    create_time: 1_700_000_000,
    update_time: 1_700_000_100,
    current_node: `${id}-a`,
    mapping: {
      [`${id}-root`]: node(`${id}-root`, null, [`${id}-q`], null, []),
      [`${id}-q`]: node(`${id}-q`, `${id}-root`, [`${id}-a`], 'user', question, 'multimodal_text'),
      [`${id}-a`]: node(`${id}-a`, `${id}-q`, [], 'assistant', [answer]),
    },
  };
}

const pointer = (asset: string) => ({ content_type: 'image_asset_pointer', asset_pointer: asset, width: 40, height: 30 });

/** Sends a zip the way the window does: base64 parts in order, the last one reading it. */
async function importZip(k: Kit, zip: Uint8Array, uploadId = `z${Math.random()}`, partBytes = IMPORT_ZIP_PART_BYTES) {
  const parts = Math.max(1, Math.ceil(zip.length / partBytes));
  let result = null;
  for (let i = 0; i < parts; i++) {
    const data = Buffer.from(zip.subarray(i * partBytes, (i + 1) * partBytes)).toString('base64');
    result = await k.call('transfer.importZipPart', { uploadId, index: i, last: i === parts - 1, data, size: zip.length });
  }
  return result!;
}

describe('importing a ChatGPT export zip', () => {
  it('keeps the images the zip holds as attachments of their messages, with thumbnails; a missing one stays a marker', async () => {
    const photo = await pngImage(40, 30);
    const drawing = await jpegImage(64, 48);
    const conversations = [
      conversation('c1', 'Holiday', ['What is in this photo?', pointer('file-service://file-Ab12Cd'), pointer('sediment://file_00ff11')]),
      conversation('c2', 'Lost picture', [pointer('file-service://file-Missing9'), 'And this one?']),
    ];
    // Images on both sides of conversations.json, one in a folder, one named .dat as some exports do.
    const zip = zipSync({
      'file-Ab12Cd-beach.png': photo,
      'conversations.json': Buffer.from(JSON.stringify(conversations)),
      'user-42/file_00ff11-sanitized.dat': drawing,
      'file-Unused1-other.png': await pngImage(8, 8),
      'chat.html': Buffer.from('<html></html>'),
    });

    const k = kit();
    expect(await importZip(k, zip, 'zip-1', 1000)).toMatchObject({ format: 'chatgpt', conversations: 2, messages: 4 });

    const ids = k.core.history.database.prepare('SELECT id FROM conversations ORDER BY title').pluck().all() as string[];
    const [holiday, lost] = ids.map((id) => k.core.history.visiblePath(id));
    const question = holiday!.find((m) => m.role === 'user')!;
    expect(question.content).toBe('What is in this photo?');
    expect(question.attachments).toMatchObject([
      { name: 'beach.png', mime: 'image/png', kind: 'image', width: 40, height: 30 },
      { name: 'sanitized.jpg', mime: 'image/jpeg', kind: 'image', width: 64, height: 48 },
    ]);
    const [beach, sanitized] = question.attachments!;
    expect((await k.core.attachments.original(beach!.id)).equals(photo)).toBe(true);
    expect((await k.core.attachments.original(sanitized!.id)).equals(drawing)).toBe(true);
    const thumbnail = await k.call('attachments.thumbnail', { id: sanitized!.id, size: 'small' });
    expect(thumbnail).toMatchObject({ width: 64, height: 48 });
    expect(thumbnail.dataUrl).toMatch(/^data:image\/(png|jpeg);base64,/);

    const lostQuestion = lost!.find((m) => m.role === 'user')!;
    expect(lostQuestion.content).toBe(`${IMPORTED_IMAGE_MARKER}\n\nAnd this one?`);
    expect(lostQuestion.attachments ?? []).toEqual([]);

    // The zip was kept in a temporary file while it was read, and only then.
    expect(readdirSync(join(k.core.attachments.blobs.root, '.incoming'))).toEqual([]);
    // The image no message used goes with the next sweep; the used ones stay.
    k.core.attachments.sweep();
    expect(k.core.attachments.blobs.list().sort()).toEqual([sha(photo), sha(drawing)].sort());

    // The same zip again adds nothing.
    expect(await importZip(k, zip)).toMatchObject({ conversations: 0, messages: 0, unchanged: 2 });
    expect(count(k, 'message_attachments')).toBe(2);
  });

  it('refuses a zip without conversations.json and a damaged zip, leaving nothing', async () => {
    const k = kit();
    const noConversations = zipSync({ 'file-Ab12Cd-beach.png': await pngImage(10, 10) });
    await expect(importZip(k, noConversations)).rejects.toMatchObject({ messageKey: 'errors.importUnknown' });
    const damaged = zipSync({ 'conversations.json': Buffer.from(JSON.stringify([conversation('c1', 'T', ['hi'])])) }, { level: 9 });
    damaged.fill(0x41, 40, 60);
    await expect(importZip(k, damaged)).rejects.toMatchObject({ messageKey: 'errors.importUnknown' });
    k.core.attachments.sweep();
    expect(count(k, 'conversations')).toBe(0);
    expect(k.core.attachments.blobs.list()).toEqual([]);
  });

  it('cancelled while it reads the conversations: nothing stays, and the sweep removes the stored images', async () => {
    const photo = await pngImage(20, 20);
    const many = Array.from({ length: 600 }, (_, i) =>
      conversation(`c${i}`, `Chat ${i}`, [`Question ${i} `.repeat(200), pointer('file-service://file-Ab12Cd')], `Answer ${i} `.repeat(400)),
    );
    const zip = zipSync({ 'file-Ab12Cd-beach.png': photo, 'conversations.json': Buffer.from(JSON.stringify(many)) });

    const k = kit();
    const running = importZip(k, zip, 'zip-cancel');
    await k.until(() => count(k, 'message_attachments') > 0, 'the first conversations stored');
    await k.call('transfer.cancelImport', { uploadId: 'zip-cancel' });
    await expect(running).rejects.toMatchObject({ messageKey: 'errors.importCancelled' });

    expect(count(k, 'conversations')).toBe(0);
    expect(count(k, 'messages')).toBe(0);
    expect(count(k, 'attachments')).toBe(0);
    k.core.attachments.sweep();
    expect(k.core.attachments.blobs.list()).toEqual([]);
  });
});
