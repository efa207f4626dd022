/**
 * "Send without the images": a model that cannot see images is refused, unless the user chooses
 * to leave them out; then the request to a real (fixture) server carries no image part, the
 * question keeps its files, the answer records the note, and Retry/Continue ask the same way.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';
import { jpegImage, upload } from '../../support/attachmentSamples';

let fixture: OpenAIFixture;
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture.close());
let kit: ReturnType<typeof startCore> | null = null;
afterEach(async () => {
  await kit?.core.shutdown();
  kit = null;
  fixture.clearRequests();
  fixture.setScenario(null);
});

type Body = { messages: { role: string; content: unknown }[] };
const chatRequests = () => fixture.requests.filter((r) => r.path.includes('chat/completions'));
const lastBody = () => chatRequests().at(-1)!.body as Body;

async function setup(model: string) {
  kit = startCore({ autoTitle: false });
  fixture.setScenario({ kind: 'answer', text: 'ok' });
  const provider = await kit.call('providers.save', { draft: { name: 'fixture', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: model } });
  const conversation = await kit.call('conversations.create', { providerId: provider.id, model });
  return { k: kit, conversationId: conversation.id };
}

describe('sending without the images', () => {
  it('refuses by default; with withoutImages sends no image part, keeps the file and records the note', async () => {
    const { k, conversationId } = await setup('fixture-chat');
    const photo = await upload(k.call, 'photo.jpg', await jpegImage(64, 48));
    const args = { conversationId, text: 'What is this?', attachmentIds: [photo.id] };
    await expect(k.call('chat.send', args)).rejects.toMatchObject({ messageKey: 'attachmentErrors.noVision' });
    expect(chatRequests()).toEqual([]);

    const { userMessage, assistantMessage } = await k.call('chat.send', { ...args, withoutImages: true });
    const answer = await k.ended(assistantMessage.id);
    expect(answer.status).toBe('done');
    expect(answer.context?.imagesLeftOut).toBe(1);
    expect(JSON.stringify(lastBody())).not.toContain('image_url');
    expect(lastBody().messages.filter((m) => m.role === 'user').at(-1)!.content).toBe('What is this?');
    expect(userMessage.attachments?.map((a) => a.id)).toEqual([photo.id]);

    // Stored: the history read back has the file on the question and the note on the answer.
    const stored = await k.call('conversations.messages', { id: conversationId });
    expect(stored.map((m) => [m.role, m.attachments?.length ?? 0, m.context?.imagesLeftOut])).toEqual([
      ['user', 1, undefined],
      ['assistant', 0, 1],
    ]);

    // The next plain message still reaches the model: the older image is left out only where chosen.
    await expect(k.call('chat.send', { conversationId, text: 'And now?' })).rejects.toMatchObject({ messageKey: 'attachmentErrors.noVision' });

    // Regenerate asks again without the images, rather than failing.
    const retried = await k.call('chat.retry', { conversationId, messageId: assistantMessage.id });
    const again = await k.ended(retried.assistantMessage.id);
    expect(again.status).toBe('done');
    expect(again.context?.imagesLeftOut).toBe(1);
    expect(chatRequests()).toHaveLength(2);
    expect(JSON.stringify(lastBody())).not.toContain('image_url');
  });
});
