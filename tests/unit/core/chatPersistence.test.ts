import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../../src/main/core/chat/ChatService';
import { EventBus } from '../../../src/main/core/base/eventBus';
import { HistoryStore, type MessageFinish } from '../../../src/main/core/history/HistoryStore';
import { ProviderService } from '../../../src/main/core/settings/ProviderService';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState, SettingsRepository } from '../../../src/main/core/settings/settingsState';
import { StreamManager } from '../../../src/main/core/streaming/StreamManager';
import { AppError } from '../../../src/shared/errors';
import type { Message } from '../../../src/shared/domain';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { busStreams, recordAnswerEnds } from '../../support/answerEnds';

/** The real store, with writes that fail the way a full disk makes them fail. */
class FullDiskHistory extends HistoryStore {
  failCheckpoints = 0;
  failFinishes = 0;
  override checkpoint(id: string, content: string, reasoning: string): void {
    if (this.failCheckpoints-- > 0) throw new AppError('internal', { messageKey: 'errors.storageFull' });
    super.checkpoint(id, content, reasoning);
  }
  override finishMessage(id: string, finish: MessageFinish): Message {
    if (this.failFinishes-- > 0) throw new AppError('internal', { messageKey: 'errors.storageFull' });
    return super.finishMessage(id, finish);
  }
}

let fixture: OpenAIFixture;
beforeAll(async () => {
  fixture = await startOpenAIFixture();
});
afterAll(() => fixture.close());

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'brook-persist-'));
  const history = new FullDiskHistory({ file: join(dir, 'h.sqlite') });
  const settings = new SettingsRepository({ store: { ...defaultState() } });
  const providers = new ProviderService(settings, new FileSecretStore(join(dir, 'k.json')), () => ({ fetch }));
  providers.save(undefined, { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' });
  const bus = new EventBus();
  const logs: string[] = [];
  const chat = new ChatService(history, providers, new StreamManager(), bus, { checkpointMs: 50, log: (m) => logs.push(m) });
  const { ended } = recordAnswerEnds(busStreams(bus));
  return { history, chat, logs, ended };
}

describe('persistence under write failures', () => {
  it('a failing checkpoint is retried, and the answer still ends and is saved', async () => {
    const { history, chat, logs, ended } = setup();
    history.failCheckpoints = 2;
    const c = history.createConversation({});
    const { assistantMessage } = chat.send(c.id, 'hello there');
    const end = await ended(assistantMessage.id);
    expect(end?.status).toBe('done');
    expect(history.getMessage(assistantMessage.id)).toMatchObject({ status: 'done', content: 'You said: hello there' });
    expect(logs.some((l) => l.includes('checkpoint failed'))).toBe(true);
  });

  it('a failing final write still tells windows the answer ended, and is retried', async () => {
    const { history, chat, logs, ended } = setup();
    history.failFinishes = 1;
    const c = history.createConversation({});
    const { assistantMessage } = chat.send(c.id, 'second');
    const end = await ended(assistantMessage.id);
    expect(end).toMatchObject({ status: 'done', content: 'You said: second' });
    expect(logs.some((l) => l.includes('retrying'))).toBe(true);
    await new Promise((r) => setTimeout(r, 1200));
    expect(history.getMessage(assistantMessage.id)?.status).toBe('done');
  });
});
