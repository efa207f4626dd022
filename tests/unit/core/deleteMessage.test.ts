/**
 * Deleting one message through the whole core: the message and every reply below it go (on all
 * their branches), its own alternatives stay, and the visible branch moves somewhere that exists.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';

let fixture: OpenAIFixture;
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture.close());

const cores: ReturnType<typeof startCore>[] = [];
afterEach(async () => {
  for (const k of cores.splice(0)) await k.core.shutdown();
});

async function kit() {
  const k = startCore({ autoTitle: false });
  cores.push(k);
  await k.call('providers.save', { draft: { name: 'Fixture', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' } });
  const c = await k.call('conversations.create', {});
  async function send(text: string) {
    const { userMessage, assistantMessage } = await k.call('chat.send', { conversationId: c.id, text });
    await k.ended(assistantMessage.id);
    return { question: userMessage.id, answer: assistantMessage.id };
  }
  async function retry(messageId: string) {
    const { assistantMessage } = await k.call('chat.retry', { conversationId: c.id, messageId });
    await k.ended(assistantMessage.id);
    return assistantMessage.id;
  }
  const visible = async () => (await k.call('conversations.messages', { id: c.id })).map((m) => m.id);
  const remove = (messageId: string) => k.call('conversations.deleteMessage', { id: c.id, messageId });
  return { k, c, send, retry, visible, remove };
}

describe('deleting one message', () => {
  it('a leaf answer: only it goes; the question stays, now unanswered', async () => {
    const { send, visible, remove } = await kit();
    const first = await send('one');
    const second = await send('two');
    const result = await remove(second.answer);
    expect(result.removed).toBe(1);
    expect(result.messages.map((m) => m.id)).toEqual([first.question, first.answer, second.question]);
    expect(await visible()).toEqual([first.question, first.answer, second.question]);
  });

  it('a question with answers below it: the question, its answers (all versions) and what followed go', async () => {
    const { send, retry, visible, remove, k } = await kit();
    const first = await send('one');
    const second = await send('two');
    const secondAgain = await retry(second.answer);
    await send('three');
    // two, its two answers, three and its answer.
    const result = await remove(second.question);
    expect(result.removed).toBe(5);
    expect(await visible()).toEqual([first.question, first.answer]);
    await expect(k.call('conversations.switchBranch', { id: (await k.call('conversations.list', {}))[0]!.id, messageId: secondAgain })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a message with siblings: the siblings stay and the one before it is shown', async () => {
    const { send, retry, visible, remove } = await kit();
    const first = await send('one');
    const v2 = await retry(first.answer);
    const v3 = await retry(first.answer);
    const result = await remove(v2);
    expect(result.removed).toBe(1);
    // v3 was on screen; deleting v2 (not on screen) leaves the view where it was.
    expect(await visible()).toEqual([first.question, v3]);
    expect(result.messages.at(-1)!.branch).toMatchObject({ index: 1, count: 2, prevId: first.answer });
    const again = await remove(v3);
    expect(again.messages.map((m) => m.id)).toEqual([first.question, first.answer]);
    expect(again.messages.at(-1)!.branch).toMatchObject({ index: 0, count: 1 });
  });

  it('the only question at the root: the conversation is left empty', async () => {
    const { send, visible, remove } = await kit();
    const first = await send('one');
    expect((await remove(first.question)).removed).toBe(2);
    expect(await visible()).toEqual([]);
  });

  it('refuses a message of another conversation and while an answer streams', async () => {
    const { k, c, send, remove } = await kit();
    const first = await send('one');
    const other = await k.call('conversations.create', {});
    await expect(k.call('conversations.deleteMessage', { id: other.id, messageId: first.answer })).rejects.toMatchObject({ code: 'not_found' });
    fixture.setScenario({ kind: 'answer', text: 'slow '.repeat(200), tokensPerSecond: 20 });
    try {
      const { assistantMessage } = await k.call('chat.send', { conversationId: c.id, text: 'two' });
      await expect(remove(first.answer)).rejects.toMatchObject({ messageKey: 'errors.streamActive' });
      await k.call('chat.stop', { conversationId: c.id });
      await k.ended(assistantMessage.id);
    } finally {
      fixture.setScenario(null);
    }
  });
});
