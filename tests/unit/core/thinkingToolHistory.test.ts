/**
 * The thinking of a tool round is stored with the answer's steps, so a turn built from the
 * history later (the next question, a regenerated answer) sends it back: DeepSeek's
 * `reasoning_content` on the assistant message that made the calls, through the whole core with a
 * real MCP server (server-everything over stdio) running the tool.
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
import { EVERYTHING_BIN } from './tools/mcpKit';

let fixture: OpenAIFixture;
let host: McpServerManager;

beforeAll(async () => {
  fixture = await startOpenAIFixture();
  const dir = mkdtempSync(join(tmpdir(), 'brook-thinking-mcp-'));
  host = new McpServerManager({ file: join(dir, 'mcp-servers.json'), secrets: new FileSecretStore(join(dir, 'keys.json')), clientVersion: 'test' });
  host.importJson(JSON.stringify({ mcpServers: { Everything: { command: process.execPath, args: [EVERYTHING_BIN, 'stdio'] } } }));
}, 30_000);
afterAll(async () => {
  await host.shutdown();
  await fixture.close();
});

const wireMessages = (body: unknown): Record<string, unknown>[] => (isRecord(body) && Array.isArray(body.messages) ? body.messages : []);

it('stores the reasoning of a tool round and sends it back as reasoning_content on later turns', async () => {
  // The model thinks, calls echo while this turn has no tool result, then answers.
  fixture.setResponder((body) => {
    const all = wireMessages(body);
    const turn = all.slice(all.findLastIndex((m) => m.role === 'user'));
    if (turn.some((m) => m.role === 'tool')) return { kind: 'answer', text: 'Echoed.' };
    return {
      kind: 'answer',
      reasoning: `思考 ${all.filter((m) => m.role === 'user').length}: use echo.`,
      text: 'Calling.',
      toolCalls: [{ id: `call_${all.length}`, name: 'echo', arguments: '{"message":"hi"}', pieces: 2 }],
    };
  });
  const dir = mkdtempSync(join(tmpdir(), 'brook-thinking-'));
  const history = new HistoryStore({ file: join(dir, 'h.sqlite') });
  const providers = new ProviderService(new SettingsRepository({ store: { ...defaultState() } }), new FileSecretStore(join(dir, 'k.json')), () => ({ fetch }));
  providers.save(undefined, { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'deepseek-reasoner' });
  const bus = new EventBus();
  const chat = new ChatService(history, providers, new StreamManager({ idleTimeoutMs: 5000 }), bus, { checkpointMs: 50, tools: host });
  chat.toolCalling.setSettings({ approval: 'auto' });
  const { ended } = recordAnswerEnds(busStreams(bus));
  const conversation = history.createConversation({});
  chat.toolCalling.setSelection(conversation.id, { on: true, serverIds: ['*'], offToolIds: [] });

  const first = await ended(chat.send(conversation.id, 'one').assistantMessage.id);
  expect(first.status).toBe('done');
  // Within the turn: the second request carries the round's reasoning.
  const roundSent = { role: 'assistant', content: 'Calling.', reasoning_content: '思考 1: use echo.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'echo', arguments: '{"message":"hi"}' } }] };
  expect(wireMessages(fixture.requests.at(-1)!.body)[1]).toEqual(roundSent);
  // Stored on the round's first step.
  expect(history.getMessage(first.id)!.toolSteps![0]!.thinking).toEqual({ family: 'openai', field: 'reasoning_content', text: '思考 1: use echo.' });

  // The next question: the first turn's round comes back from the history with its reasoning.
  await ended(chat.send(conversation.id, 'two').assistantMessage.id);
  const later = wireMessages(fixture.requests.at(-2)!.body);
  expect(later.slice(0, 4)).toEqual([
    { role: 'user', content: 'one' },
    roundSent,
    { role: 'tool', tool_call_id: 'call_1', content: 'Echo: hi' },
    { role: 'assistant', content: 'Echoed.' },
  ]);
}, 30_000);
