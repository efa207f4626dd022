/**
 * The tool loop end to end in the core: an OpenAI-compatible fixture model asks for tools,
 * the tools module's McpServerManager runs them on real MCP reference servers (server-everything,
 * server-filesystem over stdio), and the results go back on the wire. Approve, always, deny,
 * timeout, Stop mid-call, a 5 MB result, an unknown tool, two calls in one turn, a looping model.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/main/core/base/eventBus';
import { ChatService } from '../../../src/main/core/chat/ChatService';
import { DENIED_FOR_MODEL } from '../../../src/main/core/chat/toolLoop';
import { HistoryStore } from '../../../src/main/core/history/HistoryStore';
import { ProviderService } from '../../../src/main/core/settings/ProviderService';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState, SettingsRepository } from '../../../src/main/core/settings/settingsState';
import { StreamManager } from '../../../src/main/core/streaming/StreamManager';
import type { StreamEventEnvelope } from '../../../src/shared/streamEvents';
import { MAX_TOOL_ROUNDS_FINISH, type ToolCallSettings, type ToolStep } from '../../../src/shared/toolCalls';
import { isRecord } from '../../fixtures/httpFixtureKit';
import { startOpenAIFixture, type AnswerScenario, type OpenAIFixture } from '../../fixtures/openaiServer';
import { busStreams, recordAnswerEnds, waitUntil } from '../../support/answerEnds';
import { FileSecretStore as Secrets } from '../../../src/main/core/settings';
import { McpServerManager, toolIdOf } from '../../../src/main/core/tools';
import { EVERYTHING_BIN, FILESYSTEM_BIN } from './tools/mcpKit';

let fixture: OpenAIFixture;
let host: McpServerManager;
let everythingId = '';
let filesId = '';
const folder = mkdtempSync(join(tmpdir(), 'brook-tools-fs-'));
const BIG = 5 * 1024 * 1024;

beforeAll(async () => {
  writeFileSync(join(folder, 'big.txt'), 'x'.repeat(BIG));
  fixture = await startOpenAIFixture();
  const dir = mkdtempSync(join(tmpdir(), 'brook-tools-mcp-'));
  host = new McpServerManager({ file: join(dir, 'mcp-servers.json'), secrets: new Secrets(join(dir, 'keys.json')), clientVersion: 'test' });
  host.importJson(
    JSON.stringify({
      mcpServers: { Everything: { command: process.execPath, args: [EVERYTHING_BIN, 'stdio'] }, Files: { command: process.execPath, args: [FILESYSTEM_BIN, folder] } },
    }),
  );
  everythingId = host.views().find((v) => v.config.name === 'Everything')!.config.id;
  filesId = host.views().find((v) => v.config.name === 'Files')!.config.id;
}, 30_000);
afterAll(async () => {
  await host.shutdown();
  await fixture.close();
});

type Call = NonNullable<AnswerScenario['toolCalls']>[number];
const wireMessages = (body: unknown): Record<string, unknown>[] => (isRecord(body) && Array.isArray(body.messages) ? body.messages : []);

/** The model: asks for `calls` while no tool result is in the conversation, then answers with what came back. */
function model(calls: Call[] | ((round: number) => Call[])) {
  fixture.setResponder((body) => {
    const all = wireMessages(body);
    // This turn only: earlier turns' rounds come back from the history too.
    const messages = all.slice(all.findLastIndex((m) => m.role === 'user'));
    const results = messages.filter((m) => m.role === 'tool');
    const round = messages.filter((m) => m.role === 'assistant' && Array.isArray(m.tool_calls)).length + 1;
    const next = typeof calls === 'function' ? calls(round) : results.length === 0 ? calls : [];
    if (next.length > 0) return { kind: 'answer', text: `Round ${round}.`, toolCalls: next };
    return { kind: 'answer', text: `Answer: ${results.map((r) => String(r.content).slice(0, 60)).join(' | ')}` };
  });
}

function setup(settings: Partial<ToolCallSettings> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'brook-toolloop-'));
  const history = new HistoryStore({ file: join(dir, 'h.sqlite') });
  const store = new SettingsRepository({ store: { ...defaultState() } });
  const providers = new ProviderService(store, new FileSecretStore(join(dir, 'k.json')), () => ({ fetch }));
  providers.save(undefined, { name: 'f', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' });
  const bus = new EventBus();
  const chat = new ChatService(history, providers, new StreamManager({ idleTimeoutMs: 5000 }), bus, { checkpointMs: 50, tools: host });
  chat.toolCalling.setSettings(settings);
  const steps: ToolStep[] = [];
  bus.on((name, payload) => {
    const { event } = payload as StreamEventEnvelope;
    if (name === 'stream' && event.type === 'tool.step') steps.push(event.step);
  });
  const { ended } = recordAnswerEnds(busStreams(bus));
  const conversation = history.createConversation({});
  chat.toolCalling.setSelection(conversation.id, { on: true, serverIds: [everythingId, filesId], offToolIds: [] });
  fixture.clearRequests();
  const send = (text: string) => chat.send(conversation.id, text).assistantMessage;
  const stepNow = (id: string) => steps.findLast((s) => s.id === id);
  const until = (what: string, check: () => boolean) => waitUntil(check, what);
  return { history, chat, conversation, steps, ended, send, stepNow, until };
}

const echo = (message: string, id = 'call_echo', pieces = 3): Call => ({ id, name: 'echo', arguments: JSON.stringify({ message }), pieces });

describe('the tool loop', () => {
  it('waits for approval, runs the approved call, sends the result back and stores the step', async () => {
    const t = setup();
    model([echo('héllo 日本')]);
    const answer = t.send('say hello through the tool');
    await t.until('the step waits', () => t.stepNow('tool-1-1')?.status === 'waiting');
    t.chat.toolCalling.approve(t.conversation.id, 'tool-1-1', 'once');
    const end = await t.ended(answer.id);
    expect(end.status).toBe('done');
    expect(end.content).toBe('Round 1.\n\nAnswer: Echo: héllo 日本');
    const tools = (fixture.requests[0]!.body as { tools: { function: { name: string } }[] }).tools.map((x) => x.function.name);
    expect(tools).toContain('echo');
    expect(tools).toContain('read_text_file');
    const second = wireMessages(fixture.requests[1]!.body);
    expect(second.slice(-2)).toEqual([
      { role: 'assistant', content: 'Round 1.', tool_calls: [{ id: 'call_echo', type: 'function', function: { name: 'echo', arguments: '{"message":"héllo 日本"}' } }] },
      { role: 'tool', tool_call_id: 'call_echo', content: 'Echo: héllo 日本' },
    ]);
    const stored = t.history.getMessage(answer.id)!.toolSteps!;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'done', approval: 'once', serverName: 'Everything', tool: 'echo', result: [{ type: 'text', text: 'Echo: héllo 日本' }], contentOffset: 'Round 1.'.length });
    expect(stored[0]!.durationMs).toBeGreaterThanOrEqual(0);
  }, 20_000);

  it('"Always allow" remembers the tool: its next call runs without asking', async () => {
    const t = setup();
    model([echo('first')]);
    const first = t.send('one');
    await t.until('the step waits', () => t.stepNow('tool-1-1')?.status === 'waiting');
    t.chat.toolCalling.approve(t.conversation.id, 'tool-1-1', 'always');
    await t.ended(first.id);
    expect(host.isAlwaysAllowed(toolIdOf(everythingId, 'echo'))).toBe(true);
    t.steps.length = 0;
    model([echo('second')]);
    const second = await t.ended(t.send('two').id);
    expect(second.toolSteps?.[0]).toMatchObject({ status: 'done', approval: 'always' });
    expect(t.steps.some((s) => s.status === 'waiting')).toBe(false);
    expect(t.stepNow('tool-1-1')?.approval).toBe('always');
    // The first turn's round went back to the model from the history, before the new question.
    const sent = wireMessages(fixture.requests.at(-1)!.body);
    expect(sent.find((m) => m.role === 'tool')).toEqual({ role: 'tool', tool_call_id: 'call_echo', content: 'Echo: first' });
    await host.setAlwaysAllowed(toolIdOf(everythingId, 'echo'), false);
  }, 20_000);

  it('a denied call is not made, and the model is told it was denied', async () => {
    const t = setup();
    model([{ id: 'call_sum', name: 'get-sum', arguments: '{"a":2,"b":3}' }]);
    const answer = t.send('add');
    await t.until('the step waits', () => t.stepNow('tool-1-1')?.status === 'waiting');
    t.chat.toolCalling.approve(t.conversation.id, 'tool-1-1', 'deny');
    const end = await t.ended(answer.id);
    expect(end.toolSteps?.[0]).toMatchObject({ status: 'denied', approval: 'denied', isError: true, result: null, startedAt: null });
    expect(t.steps.filter((s) => s.id === 'tool-1-1').map((s) => s.status)).toEqual(['waiting', 'denied']);
    expect(wireMessages(fixture.requests.at(-1)!.body).at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_sum', content: DENIED_FOR_MODEL });
  }, 20_000);

  it('two calls in one turn run together; an unknown tool is an error step the model hears about', async () => {
    const t = setup({ approval: 'auto' });
    model([echo('a', 'call_1'), { id: 'call_2', name: 'get-sum', arguments: '{"a":2,"b":3}' }, { id: 'call_3', name: 'nope', arguments: '{}' }]);
    const end = await t.ended(t.send('three').id);
    expect(end.toolSteps?.map((s) => [s.tool, s.status, s.approval])).toEqual([
      ['echo', 'done', 'auto'],
      ['get-sum', 'done', 'auto'],
      ['nope', 'error', 'pending'],
    ]);
    expect(end.toolSteps?.[2]?.error?.messageKey).toBe('toolCalls.errors.unknownTool');
    const tools = wireMessages(fixture.requests.at(-1)!.body).filter((m) => m.role === 'tool');
    expect(tools.map((m) => m.tool_call_id)).toEqual(['call_1', 'call_2', 'call_3']);
    expect(tools[1]!.content).toBe('The sum of 2 and 3 is 5.');
    expect(String(tools[2]!.content)).toMatch(/^There is no tool named "nope"/);
  }, 20_000);

  it('a call past the timeout is cancelled and the model is told', async () => {
    const t = setup({ approval: 'auto', timeoutSeconds: 1 });
    model([{ id: 'call_long', name: 'trigger-long-running-operation', arguments: '{"duration":5,"steps":5}' }]);
    const end = await t.ended(t.send('long').id);
    expect(end.status).toBe('done');
    expect(end.toolSteps?.[0]).toMatchObject({ status: 'error', error: { code: 'timeout', messageKey: 'toolCalls.errors.timeout' } });
    expect(wireMessages(fixture.requests.at(-1)!.body).at(-1)!.content).toBe('The tool did not answer within 1 seconds; the call was cancelled.');
  }, 20_000);

  it('Stop aborts the running call (with its progress shown) and ends the turn', async () => {
    const t = setup({ approval: 'auto' });
    model([{ id: 'call_long', name: 'trigger-long-running-operation', arguments: '{"duration":10,"steps":10}' }]);
    const answer = t.send('long');
    await t.until('progress arrives', () => (t.stepNow('tool-1-1')?.progress?.progress ?? 0) >= 1);
    const requestsBefore = fixture.requests.length;
    await t.chat.stop(t.conversation.id);
    const end = await t.ended(answer.id);
    expect(end.status).toBe('stopped');
    expect(end.toolSteps?.[0]?.status).toBe('stopped');
    expect(fixture.requests.length).toBe(requestsBefore);
    // The cancelled call ended on the server too; the connection lives on.
    expect(await host.callTool(toolIdOf(everythingId, 'echo'), { message: 'still here' }, { signal: new AbortController().signal, timeoutMs: 5000 })).toEqual({
      parts: [{ type: 'text', text: 'Echo: still here' }],
      isError: false,
    });
  }, 20_000);

  it('a 5 MB result is cut to the limit before it reaches the model, with a note; the stored copy is cut too', async () => {
    const t = setup({ approval: 'auto', resultCapBytes: 4096 });
    model([{ id: 'call_big', name: 'read_text_file', arguments: JSON.stringify({ path: join(folder, 'big.txt') }) }]);
    const end = await t.ended(t.send('read it').id, 20_000);
    const step = end.toolSteps![0]!;
    expect(step).toMatchObject({ status: 'done', capped: true });
    const sent = String(wireMessages(fixture.requests.at(-1)!.body).at(-1)!.content);
    expect(sent.startsWith('x'.repeat(4096))).toBe(true);
    expect(sent).toContain(`[Brook cut this result from ${BIG} to 4096 bytes before sending it to you.]`);
    const stored = step.result![0]!;
    expect(stored.type === 'text' && stored.text.length).toBe(256 * 1024);
  }, 30_000);

  it('a model that keeps calling tools is stopped after the maximum rounds, with the finish reason saying so', async () => {
    const t = setup({ approval: 'auto', maxRounds: 2 });
    model((round) => [echo(`round ${round}`, `call_${round}`)]);
    const end = await t.ended(t.send('loop').id);
    expect(end.finishReason).toBe(MAX_TOOL_ROUNDS_FINISH);
    expect(end.toolSteps?.map((s) => [s.round, s.status])).toEqual([
      [1, 'done'],
      [2, 'done'],
      [3, 'skipped'],
    ]);
    expect(end.toolSteps?.[2]?.error?.messageKey).toBe('toolCalls.errors.maxRounds');
    expect(fixture.requests.length).toBe(3);
  }, 20_000);

  it('keeps an image result with its step', async () => {
    const t = setup({ approval: 'auto' });
    model([{ id: 'call_img', name: 'get-tiny-image', arguments: '{}' }]);
    const end = await t.ended(t.send('image').id);
    const parts = end.toolSteps![0]!.result!;
    expect(parts.some((p) => p.type === 'image' && p.mimeType === 'image/png' && p.data.length > 100)).toBe(true);
  }, 20_000);
});
