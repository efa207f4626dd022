/**
 * Attachments through the whole core to a real (fixture) OpenAI-compatible server: images are
 * resized in a worker and sent as image_url parts, documents as named blocks, edit/retry keep
 * them, a model that cannot see images is refused before anything is saved or sent, and a
 * document too long for the window is cut with a note the answer records.
 */
import sharp from 'sharp';
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

type Part = { type: string; text?: string; image_url?: { url: string; detail: string } };
const lastUserContent = () => {
  const body = fixture.requests.at(-1)?.body as { messages: { role: string; content: string | Part[] }[] };
  return body.messages.filter((m) => m.role === 'user').at(-1)!.content;
};

async function setup(model: string) {
  kit = startCore({ autoTitle: false });
  fixture.setScenario({ kind: 'answer', text: 'ok' });
  const provider = await kit.call('providers.save', { draft: { name: 'fixture', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: model } });
  const conversation = await kit.call('conversations.create', { providerId: provider.id, model });
  return { k: kit, conversationId: conversation.id };
}

describe('sending attachments', () => {
  it('sends a resized image and a document block, and keeps both through edit and retry', async () => {
    const { k, conversationId } = await setup('gpt-4o');
    const photo = await upload(k.call, 'photo.jpg', await jpegImage(2600, 1950));
    const notes = await upload(k.call, 'notes.md', Buffer.from('# Plan\nThe harbour opens at nine.'));
    const { userMessage, assistantMessage } = await k.call('chat.send', { conversationId, text: 'When does it open?', attachmentIds: [photo.id, notes.id] });
    expect(userMessage.attachments?.map((a) => a.name)).toEqual(['photo.jpg', 'notes.md']);
    await k.ended(assistantMessage.id);

    const content = lastUserContent() as Part[];
    expect(content[0]).toEqual({ type: 'text', text: '<document name="notes.md">\n# Plan\nThe harbour opens at nine.\n</document>\n\nWhen does it open?' });
    expect(content[1]!.type).toBe('image_url');
    expect(content[1]!.image_url!.detail).toBe('auto');
    const sent = Buffer.from(content[1]!.image_url!.url.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
    // Fitted to 2048 px on the long side; the original on disk is untouched.
    expect(await sharp(sent).metadata()).toMatchObject({ format: 'jpeg', width: 2048, height: 1536 });
    expect((await k.call('attachments.get', { id: photo.id })).width).toBe(2600);

    const messages = await k.call('conversations.messages', { id: conversationId });
    expect(messages[0]!.attachments?.map((a) => a.id)).toEqual([photo.id, notes.id]);

    const edited = await k.call('chat.edit', { conversationId, messageId: userMessage.id, text: 'And when does it close?' });
    expect(edited.userMessage.attachments?.map((a) => a.id)).toEqual([photo.id, notes.id]);
    await k.ended(edited.assistantMessage.id);
    expect((lastUserContent() as Part[])[0]!.text).toContain('The harbour opens at nine.');

    const retried = await k.call('chat.retry', { conversationId, messageId: edited.assistantMessage.id });
    await k.ended(retried.assistantMessage.id);
    expect((lastUserContent() as Part[]).map((p) => p.type)).toEqual(['text', 'image_url']);

    const trimmed = await k.call('chat.edit', { conversationId, messageId: edited.userMessage.id, text: 'Only the notes', attachmentIds: [notes.id] });
    expect(trimmed.userMessage.attachments?.map((a) => a.id)).toEqual([notes.id]);
    await k.ended(trimmed.assistantMessage.id);
    expect(typeof lastUserContent()).toBe('string');
  }, 60_000);

  it('refuses images for a model not marked as seeing them, before saving or sending anything', async () => {
    const { k, conversationId } = await setup('fixture-chat');
    const photo = await upload(k.call, 'photo.jpg', await jpegImage(64, 48));
    await expect(k.call('chat.send', { conversationId, text: 'What is this?', attachmentIds: [photo.id] })).rejects.toMatchObject({
      messageKey: 'attachmentErrors.noVision',
      params: { model: 'fixture-chat' },
    });
    expect(await k.call('conversations.messages', { id: conversationId })).toEqual([]);
    expect(fixture.requests.filter((r) => r.path.includes('chat/completions'))).toEqual([]);
    // A document goes to any model.
    const notes = await upload(k.call, 'notes.txt', Buffer.from('plain words'));
    const { assistantMessage } = await k.call('chat.send', { conversationId, text: '', attachmentIds: [notes.id] });
    await k.ended(assistantMessage.id);
    expect(lastUserContent()).toBe('<document name="notes.txt">\nplain words\n</document>');
  });

  it('cuts a document that does not fit the window, tells the model and records it on the answer', async () => {
    const { k, conversationId } = await setup('fixture-chat');
    const view = (await k.call('providers.list', {})).find((p) => p.name === 'fixture')!;
    const providerId = view.id;
    await k.call('providers.save', { id: providerId, draft: { name: view.name, kind: view.kind, presetId: view.presetId, baseUrl: view.baseUrl, defaultModel: view.defaultModel, contextWindow: 4000 } });
    const long = Array.from({ length: 4000 }, (_, i) => `Line ${i} of the long report.`).join('\n');
    const report = await upload(k.call, 'report.txt', Buffer.from(long));
    const { assistantMessage } = await k.call('chat.send', { conversationId, text: 'Summarise', attachmentIds: [report.id] });
    const answer = await k.ended(assistantMessage.id);
    const cut = answer.context?.cutDocuments?.[0];
    expect(cut).toMatchObject({ name: 'report.txt', totalChars: long.length });
    expect(cut!.sentChars).toBeGreaterThan(1000);
    expect(cut!.sentChars).toBeLessThan(long.length);
    const content = lastUserContent() as string;
    expect(content).toContain(`[Brook: only the first ${cut!.sentChars.toLocaleString('en')} of ${long.length.toLocaleString('en')} characters of report.txt fit`);
    expect(content.endsWith('</document>\n\nSummarise')).toBe(true);
  });

  it('counts images in the window: an image-heavy conversation drops its oldest turns instead of overflowing', async () => {
    const { k, conversationId } = await setup('gpt-4o');
    const view = (await k.call('providers.list', {})).find((p) => p.name === 'fixture')!;
    // 4,000 tokens, 1,000 kept for the answer; each 1024×1024 image costs 765 (OpenAI: 85 + 4 tiles × 170).
    await k.call('providers.save', { id: view.id, draft: { name: view.name, kind: view.kind, presetId: view.presetId, baseUrl: view.baseUrl, defaultModel: 'gpt-4o', contextWindow: 4000 } });
    const bytes = await jpegImage(1024, 1024);
    for (let i = 1; i <= 5; i++) {
      const photo = await upload(k.call, `photo-${i}.jpg`, bytes);
      const { assistantMessage } = await k.call('chat.send', { conversationId, text: `Photo ${i}`, attachmentIds: [photo.id] });
      await k.ended(assistantMessage.id);
    }
    const body = fixture.requests.at(-1)?.body as { messages: { role: string; content: string | Part[] }[] };
    const users = body.messages.filter((m) => m.role === 'user');
    // Three questions with their images fit (3 × ~775 plus the answers between); the two oldest were left out.
    expect(users.map((m) => (m.content as Part[]).find((p) => p.type === 'text')?.text)).toEqual(['Photo 3', 'Photo 4', 'Photo 5']);
    expect(users.flatMap((m) => (m.content as Part[]).filter((p) => p.type === 'image_url'))).toHaveLength(3);
  });
});
