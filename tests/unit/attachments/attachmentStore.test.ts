import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../src/shared/attachments';
import { startCore } from '../../support/coreKit';
import { docxFile, pngImage, scannedPdf, textPdf, upload } from '../../support/attachmentSamples';

let kit: ReturnType<typeof startCore> | null = null;
afterEach(async () => {
  await kit?.core.shutdown();
  kit = null;
});

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function ready(k: ReturnType<typeof startCore>, id: string): Promise<Attachment> {
  await k.until(() => {
    const state = k.core.handlers['attachments.get']({ id }) as Attachment;
    return state.extraction.state !== 'pending' && state.extraction.state !== 'running';
  }, `extraction of ${id}`);
  return (await k.call('attachments.get', { id }));
}

describe('attachment store', () => {
  it('stores a file once under its sha256, whoever attaches it and however often', async () => {
    kit = startCore({ autoTitle: false });
    const bytes = await pngImage(640, 480);
    const first = await upload(kit.call, 'screenshot.png', bytes);
    const second = await upload(kit.call, 'same picture.png', bytes);
    expect(first.id).not.toBe(second.id);
    expect(first).toMatchObject({ kind: 'image', mime: 'image/png', size: bytes.length, width: 640, height: 480, extraction: { state: 'done' } });
    const hash = sha(bytes);
    const stored = join(kit.dataDir, 'attachments', hash.slice(0, 2), hash);
    expect(readFileSync(stored).equals(bytes)).toBe(true);
    expect(readdirSync(join(kit.dataDir, 'attachments', hash.slice(0, 2)))).toEqual([hash]);
    // Nothing left half-written beside it.
    expect(readdirSync(join(kit.dataDir, 'attachments', '.incoming'))).toEqual([]);
  });

  it('refuses what breaks the limits or the order of parts, and leaves no file behind', async () => {
    kit = startCore({ autoTitle: false });
    await expect(kit.call('attachments.begin', { name: 'movie.mp4', size: 10 })).rejects.toMatchObject({ messageKey: 'attachmentErrors.unsupportedType' });
    await expect(kit.call('attachments.begin', { name: 'big.pdf', size: 21 * 1024 * 1024 })).rejects.toThrow();
    const { uploadId } = await kit.call('attachments.begin', { name: 'notes.txt', size: 10 });
    await expect(kit.call('attachments.part', { uploadId, index: 1, data: 'aGVsbG8=' })).rejects.toMatchObject({ messageKey: 'attachmentErrors.uploadIncomplete' });
    await kit.call('attachments.part', { uploadId, index: 0, data: Buffer.from('hello').toString('base64') });
    await expect(kit.call('attachments.finish', { uploadId })).rejects.toMatchObject({ messageKey: 'attachmentErrors.uploadIncomplete' });
    expect(readdirSync(join(kit.dataDir, 'attachments', '.incoming'))).toEqual([]);
    const broken = Buffer.from('not a png at all');
    await expect(upload(kit.call, 'broken.png', broken)).rejects.toMatchObject({ messageKey: 'attachmentErrors.unreadableImage' });
    expect(existsSync(join(kit.dataDir, 'attachments', sha(broken).slice(0, 2), sha(broken)))).toBe(false);
    // A HEIC container the installed sharp cannot decode (no HEVC decoder) says so and what to do.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(64)]);
    await expect(upload(kit.call, 'IMG_0001.HEIC', heic)).rejects.toMatchObject({ messageKey: 'attachmentErrors.heicUnsupported', params: { name: 'IMG_0001.HEIC' } });
  });

  it('reads a PDF text layer page by page, a DOCX, text with a BOM, and says when a PDF has no text', async () => {
    kit = startCore({ autoTitle: false });
    const pdf = await upload(kit.call, 'report.pdf', await textPdf(['Quarterly revenue grew', 'Second page mentions zebras']));
    const docx = await upload(kit.call, 'letter.docx', await docxFile(['Dear reader,', 'the harbour opens at nine.']));
    const csv = await upload(kit.call, 'table.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('名前,値\nfoo,1\n')]));
    const scan = await upload(kit.call, 'scan.pdf', await scannedPdf());
    expect(pdf.extraction.state === 'pending' || pdf.extraction.state === 'running' || pdf.extraction.state === 'done').toBe(true);

    const pdfDone = await ready(kit, pdf.id);
    expect(pdfDone.extraction).toMatchObject({ state: 'done', pages: 2, cut: null });
    const pdfText = await kit.call('attachments.text', { id: pdf.id });
    expect(pdfText.text).toContain('Quarterly revenue grew');
    expect(pdfText.text).toContain('zebras');
    expect(kit.events.some((e) => e.name === 'attachments.progress' && (e.payload as { attachmentId: string }).attachmentId === pdf.id)).toBe(true);

    expect((await ready(kit, docx.id)).extraction.state).toBe('done');
    expect((await kit.call('attachments.text', { id: docx.id })).text).toMatch(/Dear reader,\s+the harbour opens at nine\./);
    expect((await ready(kit, csv.id)).mime).toBe('text/csv');
    expect((await kit.call('attachments.text', { id: csv.id })).text).toBe('名前,値\nfoo,1\n');

    const scanDone = await ready(kit, scan.id);
    expect(scanDone.extraction).toMatchObject({ state: 'no-text', pages: 1, chars: 0 });
    expect((await kit.call('attachments.text', { id: scan.id })).text).toBe('');
  });

  it('makes thumbnails from the stored file, fitted and keeping transparency', async () => {
    kit = startCore({ autoTitle: false });
    const image = await upload(kit.call, 'wide.png', await pngImage(3000, 1000, true));
    const small = await kit.call('attachments.thumbnail', { id: image.id, size: 'small' });
    expect(small).toMatchObject({ width: 256, height: 85 });
    expect(small.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    const large = await kit.call('attachments.thumbnail', { id: image.id, size: 'large' });
    expect(large).toMatchObject({ width: 2048, height: 683 });
  });

  it('finds a document by its text in history search, naming the file, and frees the file when the last message using it is purged', async () => {
    kit = startCore({ autoTitle: false });
    const bytes = await textPdf(['Quarterly revenue grew in the harbour district']);
    const report = await upload(kit.call, 'report.pdf', bytes);
    await ready(kit, report.id);
    const history = kit.core.history;
    const first = history.createConversation({ title: 'Finance' });
    const second = history.createConversation({ title: 'Copy' });
    const question = history.appendMessage({ conversationId: first.id, parentId: null, role: 'user', content: 'Summarise this', status: 'done', attachmentIds: [report.id] });
    const again = await upload(kit.call, 'report again.pdf', bytes);
    await ready(kit, again.id);
    history.appendMessage({ conversationId: second.id, parentId: null, role: 'user', content: 'And this', status: 'done', attachmentIds: [again.id] });

    const page = await kit.call('history.search', { query: 'harbour' });
    expect(page.hits.map((h) => [h.conversationTitle, h.attachment?.name])).toEqual([['Copy', 'report again.pdf'], ['Finance', 'report.pdf']]);
    expect(page.hits[1]).toMatchObject({ messageId: question.id });
    expect(page.hits[1]!.snippet.some((s) => s.hit && s.text.toLowerCase() === 'harbour')).toBe(true);
    expect((await kit.call('history.search', { query: 'harbour', role: 'assistant' })).hits).toEqual([]);

    const file = join(kit.dataDir, 'attachments', sha(bytes).slice(0, 2), sha(bytes));
    // Soft delete (Undo still possible): nothing goes.
    const deletedAt = history.softDeleteConversation(first.id);
    expect(await kit.call('history.search', { query: 'harbour' })).toMatchObject({ hits: [{ conversationTitle: 'Copy' }] });
    // Purged: its attachment row goes, the file stays for the other conversation's copy.
    history.purgeConversation(first.id, deletedAt);
    await expect(kit.call('attachments.get', { id: report.id })).rejects.toMatchObject({ messageKey: 'attachmentErrors.notFound' });
    kit.core.attachments.sweep();
    expect(existsSync(file)).toBe(true);
    history.deleteConversation(second.id);
    expect(kit.core.attachments.sweep()).toBe(1);
    expect(existsSync(file)).toBe(false);
  });
});
