import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../support/coreKit';
import { pngImage, upload } from '../../support/attachmentSamples';

let kit: ReturnType<typeof startCore> | null = null;
afterEach(async () => {
  await kit?.core.shutdown();
  kit = null;
});

describe('exports name the attached files', () => {
  it('in Markdown and in escaped HTML, under the question that carried them', async () => {
    kit = startCore({ autoTitle: false });
    const picture = await upload(kit.call, 'chart <1>.png', await pngImage(8, 8));
    const notes = await upload(kit.call, 'notes.md', Buffer.from('# notes'));
    const conversation = kit.core.history.createConversation({ title: 'Files' });
    kit.core.history.appendMessage({ conversationId: conversation.id, parentId: null, role: 'user', content: 'Look', status: 'done', attachmentIds: [picture.id, notes.id] });

    const md = await kit.call('transfer.exportConversation', { id: conversation.id, format: 'markdown' });
    expect(md.text).toContain('## You\n\nLook\n\n*Attached:* `chart <1>.png`, `notes.md`\n');
    const html = await kit.call('transfer.exportConversation', { id: conversation.id, format: 'html' });
    expect(html.text).toContain('<p class="attached">Attached: <code>chart &lt;1&gt;.png</code>, <code>notes.md</code></p>');
  });
});
