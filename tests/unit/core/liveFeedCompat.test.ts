import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { huggingChatStyleSubscriber } from '../../fixtures/huggingChatStyleSubscriber';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';

let fixture: OpenAIFixture;
let kit: ReturnType<typeof startCore>;
let feedUrl: string;

beforeAll(async () => {
  fixture = await startOpenAIFixture();
  kit = startCore();
  await kit.call('providers.save', { draft: { name: 'Fixture', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' } });
  await kit.call('settings.update', { localFeed: { enabled: true } });
  await kit.core.local.apply();
  feedUrl = kit.core.local.status().feed.url!;
});

afterAll(async () => {
  await kit.core.shutdown();
  await fixture.close();
});

async function ask(text: string) {
  const c = await kit.call('conversations.create', {});
  const turn = await kit.call('chat.send', { conversationId: c.id, text });
  return kit.ended(turn.assistantMessage.id);
}

describe('live feed: subscribers written for the original HuggingChat wrapper', () => {
  it('wait forever while assistant frames say "assistant" (the default)', async () => {
    const { result } = await huggingChatStyleSubscriber(feedUrl, 1500);
    await ask('hello there');
    await expect(result).rejects.toThrow('no "Open-Assistant" answer');
  });

  it('get the answer once the assistant name is set to "Open-Assistant"', async () => {
    expect((await kit.call('settings.update', { localFeed: { assistantName: '  Open-Assistant ' } })).localFeed.assistantName).toBe('Open-Assistant');
    const { result } = await huggingChatStyleSubscriber(feedUrl);
    const answer = await ask('hello there');
    const got = await result;
    expect(got.answer).toBe('You said: hello there');
    expect(got.answer).toBe(answer.content);
    expect(got.pieces.join('')).toBe(answer.content);
  });

  it('see an error frame with a status when a turn fails', async () => {
    const { result } = await huggingChatStyleSubscriber(feedUrl);
    await ask('/error please');
    await expect(result).rejects.toThrow(/^error frame \(status true\): ./);
  });

  it('refuses an empty or overlong assistant name', async () => {
    await expect(kit.call('settings.update', { localFeed: { assistantName: '   ' } })).rejects.toThrow();
    await expect(kit.call('settings.update', { localFeed: { assistantName: 'x'.repeat(65) } })).rejects.toThrow();
  });
});
