/**
 * Mid-conversation: a model calls echo on server-everything over Streamable HTTP, the server is
 * killed and started again on the same port, and the next turn's call works — the step is done
 * with the result, no Restart pressed — through the whole core (ChatService, the tool loop,
 * McpServerManager) with an OpenAI-compatible fixture model.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EventBus } from '../../../src/main/core/base/eventBus';
import { ChatService } from '../../../src/main/core/chat/ChatService';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';
import { ProviderService } from '../../../src/main/core/settings/ProviderService';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState, SettingsRepository } from '../../../src/main/core/settings/settingsState';
import { StreamManager } from '../../../src/main/core/streaming/StreamManager';
import { McpServerManager } from '../../../src/main/core/tools';
import { isRecord } from '../../fixtures/httpFixtureKit';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { busStreams, recordAnswerEnds } from '../../support/answerEnds';
import { startEverythingHttp } from './tools/mcpKit';

let fixture: OpenAIFixture;
let server: Awaited<ReturnType<typeof startEverythingHttp>>;

beforeAll(async () => {
  [fixture, server] = await Promise.all([startOpenAIFixture(), startEverythingHttp('streamableHttp')]);
}, 30_000);
afterAll(async () => {
  await server.stop();
  await fixture.close();
});

const wireMessages = (body: unknown): Record<string, unknown>[] => (isRecord(body) && Array.isArray(body.messages) ? body.messages : []);

it('a call after the MCP server restarted works without Restart', async () => {
  // Each turn: echo the question while the turn has no tool result, then answer with it.
  fixture.setResponder((body) => {
    const all = wireMessages(body);
    const turn = all.slice(all.findLastIndex((m) => m.role === 'user'));
    const result = turn.find((m) => m.role === 'tool');
    if (result) return { kind: 'answer', text: `Got ${String(result.content)}` };
    return { kind: 'answer', text: 'Calling.', toolCalls: [{ id: `call_${all.length}`, name: 'echo', arguments: JSON.stringify({ message: turn[0]!.content }), pieces: 2 }] };
  });
  const dir = mkdtempSync(join(tmpdir(), 'brook-session-chat-'));
  const host = new McpServerManager({ file: join(dir, 'mcp-servers.json'), secrets: new FileSecretStore(join(dir, 'keys.json')), clientVersion: 'test', startTimeoutMs: 10_000 });
  const history = new HistoryStore({ file: join(dir, 'h.sqlite') });
  const providers = new ProviderService(new SettingsRepository({ store: { ...defaultState() } }), new FileSecretStore(join(dir, 'k.json')), () => ({ fetch }));
  providers.save(undefined, { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' });
  const bus = new EventBus();
  const chat = new ChatService(history, providers, new StreamManager({ idleTimeoutMs: 10_000 }), bus, { checkpointMs: 50, tools: host });
  chat.toolCalling.setSettings({ approval: 'auto' });
  const { ended } = recordAnswerEnds(busStreams(bus));
  try {
    const { config } = await host.save({ name: 'everything', enabled: true, transport: { kind: 'http', url: server.url, headers: [] } });
    const conversation = history.createConversation({});
    chat.toolCalling.setSelection(conversation.id, { on: true, serverIds: [config.id], offToolIds: [] });

    const first = await ended(chat.send(conversation.id, 'one').assistantMessage.id);
    expect(first.content).toBe('Calling.\n\nGot Echo: one');

    await server.stop();
    server = await startEverythingHttp('streamableHttp', server.port);

    const second = await ended(chat.send(conversation.id, 'two').assistantMessage.id);
    expect(second.status).toBe('done');
    expect(second.content).toBe('Calling.\n\nGot Echo: two');
    expect(second.toolSteps?.[0]).toMatchObject({ status: 'done', result: [{ type: 'text', text: 'Echo: two' }] });
    expect(host.view(config.id).state).toMatchObject({ status: 'ready', reconnectedAt: expect.any(Number) });
  } finally {
    await host.shutdown();
  }
}, 60_000);
