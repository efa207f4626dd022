import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../../src/shared/attachments';
import { MAX_EMBEDDED_FILE_BYTES } from '../../../src/main/core/history/transfer/attachmentExport';
import type { BrookExport } from '../../../src/main/core/history/transfer/brookJson';
import { startCore } from '../../support/coreKit';
import { pngImage, upload } from '../../support/attachmentSamples';

let kit: ReturnType<typeof startCore> | null = null;
afterEach(async () => {
  await kit?.core.shutdown();
  kit = null;
});

describe('Markdown and HTML exports carry the attached files', () => {
  it('images shown and documents linked as data URLs, in Markdown and in escaped HTML, under the question that carried them', async () => {
    kit = startCore({ autoTitle: false });
    const pictureBytes = await pngImage(8, 8);
    const picture = await upload(kit.call, 'chart <1>.png', pictureBytes);
    const notes = await upload(kit.call, 'notes.md', Buffer.from('# notes'));
    const conversation = kit.core.history.createConversation({ title: 'Files' });
    kit.core.history.appendMessage({ conversationId: conversation.id, parentId: null, role: 'user', content: 'Look', status: 'done', attachmentIds: [picture.id, notes.id] });

    const md = await kit.call('transfer.exportConversation', { id: conversation.id, format: 'markdown' });
    const picture64 = pictureBytes.toString('base64');
    const notes64 = Buffer.from('# notes').toString('base64');
    expect(md.text).toContain(
      `## You\n\nLook\n\n![chart <1>.png](data:image/png;base64,${picture64})\n\n*Attached:* \`chart <1>.png\`, [notes.md](data:text/markdown;base64,${notes64})\n`,
    );
    const html = await kit.call('transfer.exportConversation', { id: conversation.id, format: 'html' });
    expect(html.text).toContain(
      `<p class="attached">Attached: <code>chart &lt;1&gt;.png</code>, <a href="data:text/markdown;base64,${notes64}" download="notes.md"><code>notes.md</code></a></p>`,
    );
    // The image itself, from a data URL only the page's CSP allows; still no script anywhere.
    expect(html.text).toContain(`<figure class="image"><img src="data:image/png;base64,${pictureBytes.toString('base64')}" alt="chart &lt;1&gt;.png"></figure>`);
    expect(html.text).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html.text).not.toMatch(/<script|<img[^>]*alt="notes\.md"/);
  });

  it('a file over MAX_EMBEDDED_FILE_BYTES is named only, and a page-like document is linked as plain text', async () => {
    kit = startCore({ autoTitle: false });
    const big = await upload(kit.call, 'big.txt', Buffer.alloc(MAX_EMBEDDED_FILE_BYTES + 1, 'a'));
    const page = await upload(kit.call, 'page.html', Buffer.from('<script>alert(1)</script>'));
    const conversation = kit.core.history.createConversation({ title: 'Large' });
    kit.core.history.appendMessage({ conversationId: conversation.id, parentId: null, role: 'user', content: 'See', status: 'done', attachmentIds: [big.id, page.id] });
    const md = await kit.call('transfer.exportConversation', { id: conversation.id, format: 'markdown' });
    expect(md.text).toContain('*Attached:* `big.txt`, [page.html](data:text/plain;base64,');
    expect(md.text).not.toContain('aaaa');
  });
});

describe('Brook JSON export carries the attached files whole', () => {
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('bytes as base64 with their hash, description and extracted text, in one conversation and in the whole history', async () => {
    kit = startCore({ autoTitle: false });
    const k = kit;
    const pictureBytes = await pngImage(12, 9);
    const notesBytes = Buffer.from('# Quarterly notes\n\nRevenue rose by a third.');
    const picture = await upload(k.call, 'chart.png', pictureBytes);
    const notes = await upload(k.call, 'notes.md', notesBytes);
    await k.until(() => {
      const state = k.core.handlers['attachments.get']({ id: notes.id }) as Attachment;
      return state.extraction.state === 'done';
    }, 'extraction of notes.md');
    const conversation = k.core.history.createConversation({ title: 'Files' });
    const question = k.core.history.appendMessage({ conversationId: conversation.id, parentId: null, role: 'user', content: 'Look', status: 'done', attachmentIds: [picture.id, notes.id] });
    k.core.history.appendMessage({ conversationId: conversation.id, parentId: question.id, role: 'assistant', content: 'Seen', status: 'done' });

    const one = JSON.parse((await k.call('transfer.exportConversation', { id: conversation.id, format: 'json' })).text) as BrookExport;
    const all = await k.call('transfer.exportAll', { part: 0 });
    expect(all.parts).toBe(1);
    const whole = JSON.parse(all.text) as BrookExport;
    for (const file of [one, whole]) {
      const [asked, answered] = file.conversations[0]!.messages;
      expect(answered!.attachments).toBeUndefined();
      const [image, document] = asked!.attachments!;
      expect(image).toMatchObject({ name: 'chart.png', mime: 'image/png', kind: 'image', size: pictureBytes.length, sha256: sha(pictureBytes), width: 12, height: 9, text: null });
      expect(Buffer.from(image!.data, 'base64').equals(pictureBytes)).toBe(true);
      expect(document).toMatchObject({ name: 'notes.md', kind: 'document', sha256: sha(notesBytes), extraction: { state: 'done' } });
      expect(document!.text).toContain('Revenue rose by a third.');
      expect(Buffer.from(document!.data, 'base64').equals(notesBytes)).toBe(true);
    }
  });
});
