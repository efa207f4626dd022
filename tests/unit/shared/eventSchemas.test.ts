import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, eventSchemas, type EventName } from '../../../src/shared/contract';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startCore } from '../../support/coreKit';

let fixture: OpenAIFixture;
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture.close());

describe('event schemas (what a browser-mode window checks every event against)', () => {
  it('lists every event name once, derived from the schemas', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    expect(EVENT_NAMES).toEqual(Object.keys(eventSchemas));
    expect(EVENT_NAMES).toContain('stream');
  });

  it('accepts every event a real turn sends (with reasoning), and keeps every field', async () => {
    const { core, call, ended, events } = startCore({ autoTitle: true });
    try {
      await call('providers.save', { draft: { name: 'f', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' } });
      await call('settings.update', { theme: 'dark' });
      const c = await call('conversations.create', {});
      await call('conversations.rename', { id: c.id, title: 'Named' });
      const { assistantMessage } = await call('chat.send', { conversationId: c.id, text: '/reason think first' });
      await ended(assistantMessage.id);
      const seen = new Set<EventName>();
      for (const { name, payload } of events) {
        const checked = eventSchemas[name].safeParse(payload);
        expect(checked.success, `${name}: ${JSON.stringify(checked.error?.issues)}`).toBe(true);
        // Nothing the core sent is dropped on the way in.
        expect(checked.data).toEqual(payload);
        seen.add(name);
      }
      expect([...seen]).toEqual(expect.arrayContaining(['stream', 'chat.userMessage', 'conversation.created', 'conversation.updated', 'settings.updated']));
    } finally {
      await core.shutdown();
    }
  });

  it('refuses a payload of the wrong shape', () => {
    expect(eventSchemas.stream.safeParse({ conversationId: 'c', messageId: 'm', event: { type: 'text' } }).success).toBe(false);
    expect(eventSchemas.stream.safeParse({ conversationId: 'c', messageId: 'm', event: { type: 'delta', text: 'x', reasoning: '' } }).success).toBe(false);
    expect(eventSchemas['conversation.deleted'].safeParse({ id: 3 }).success).toBe(false);
    expect(eventSchemas['desktop.command'].safeParse({ command: 'format disk' }).success).toBe(false);
  });
});
