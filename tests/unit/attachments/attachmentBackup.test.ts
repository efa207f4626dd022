import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../support/coreKit';
import { pngImage, upload } from '../../support/attachmentSamples';

let kit: ReturnType<typeof startCore> | null = null;
afterEach(async () => {
  await kit?.core.shutdown();
  kit = null;
});

describe('backups and attachments', () => {
  it('a backup keeps the files its messages use, and restoring it brings back a file purged since', async () => {
    kit = startCore({ autoTitle: false });
    const bytes = await pngImage(32, 32);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const stored = join(kit.dataDir, 'attachments', sha.slice(0, 2), sha);
    const picture = await upload(kit.call, 'dot.png', bytes);
    const conversation = kit.core.history.createConversation({ title: 'With a picture' });
    kit.core.history.appendMessage({ conversationId: conversation.id, parentId: null, role: 'user', content: 'look', status: 'done', attachmentIds: [picture.id] });

    const backup = await kit.call('history.backup', {});
    const besideBackup = join(kit.dataDir, backup.name.replace(/\.sqlite$/, '.attachments'), sha.slice(0, 2), sha);
    expect(readFileSync(besideBackup).equals(bytes)).toBe(true);

    kit.core.history.deleteConversation(conversation.id);
    kit.core.attachments.sweep();
    expect(existsSync(stored)).toBe(false);

    await kit.call('history.restore', { name: backup.name });
    expect(readFileSync(stored).equals(bytes)).toBe(true);
    const [message] = await kit.call('conversations.messages', { id: conversation.id });
    expect(message!.attachments?.map((a) => a.name)).toEqual(['dot.png']);
    expect((await kit.call('attachments.thumbnail', { id: picture.id, size: 'small' })).width).toBe(32);
  });
});
