/**
 * The tool loop: the model's calls become steps (waiting for approval, running, done, error,
 * denied), approved calls run together through the ToolHost, their results (cut to the size
 * limit) go back to the model as the protocol's tool messages, and the model is asked again —
 * until it answers without calls, or the rounds run out.
 */
import type { Usage } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { RoundThinking } from '../../../shared/roundThinking';
import { MAX_TOOL_ROUNDS_FINISH, type ToolCallSettings, type ToolStep } from '../../../shared/toolCalls';
import { redactError, type TurnToolCall, type TurnToolRound } from '../base';
import { parseToolArguments, type Provider, type ProviderEvent, type ProviderRequest, type ProviderToolCall } from '../providers';
import type { ToolDescriptor, ToolHost } from '../tools';
import type { ToolApprovals } from './toolApprovals';
import { withStoredImages, type ToolImageStore } from './toolImages';
import { offeredTools } from './toolNames';
import { resultForModel, storedResult } from './toolResults';

export interface ToolLoopContext {
  host: ToolHost;
  approvals: ToolApprovals;
  settings: ToolCallSettings;
  conversationId: string;
  tools: readonly ToolDescriptor[];
  /** Where image results are kept (attachments); null: inside the step. */
  images?: ToolImageStore | null;
  now?: () => number;
}

export const DENIED_FOR_MODEL = 'The user denied this tool call. Do not call it again unless they ask you to.';

export async function* toolLoop(provider: Provider, request: ProviderRequest, c: ToolLoopContext, signal: AbortSignal): AsyncGenerator<ProviderEvent> {
  const { offered, byName } = offeredTools(c.tools);
  const rounds: TurnToolRound[] = [];
  let written = 0;
  let usage: Usage | null = null;
  for (let round = 1; ; round++) {
    const messages = rounds.length > 0 ? [...request.messages, { role: 'assistant' as const, content: '', toolRounds: rounds }] : request.messages;
    const calls: ProviderToolCall[] = [];
    let text = '';
    let finishReason: string | null = null;
    let thinking: RoundThinking | undefined;
    for await (const event of provider.stream({ ...request, messages, tools: offered }, signal)) {
      if (event.type === 'tool.call') calls.push(event.call);
      else if (event.type === 'done') {
        finishReason = event.finishReason;
        thinking = event.thinking;
      }
      else if (event.type === 'usage') usage = addUsage(usage, event.usage);
      else {
        if (event.type === 'text' && event.text !== '') {
          // The answer after a round of calls starts a new paragraph.
          if (text === '' && written > 0) {
            yield { type: 'text', text: '\n\n' };
            text += '\n\n';
          }
          text += event.text;
        }
        yield event;
      }
    }
    written += text.length;
    if (calls.length === 0 || round > c.settings.maxRounds) {
      if (calls.length > 0) yield* skippedRound(calls, round, written, byName, c.settings.maxRounds);
      if (usage) yield { type: 'usage', usage };
      yield { type: 'done', finishReason: calls.length > 0 ? MAX_TOOL_ROUNDS_FINISH : finishReason };
      return;
    }
    const results = yield* runRound(calls, round, written, byName, c, signal, thinking);
    rounds.push({ text, calls: results, ...(thinking ? { thinking } : {}) });
  }
}

/** The rounds ran out while the model still asked for tools: its calls are shown, not made. */
function* skippedRound(calls: ProviderToolCall[], round: number, offset: number, byName: ReadonlyMap<string, ToolDescriptor>, maxRounds: number): Generator<ProviderEvent> {
  const error = new AppError('bad_request', { messageKey: 'toolCalls.errors.maxRounds', params: { rounds: maxRounds }, retryable: false }).toJSON();
  for (const [i, call] of calls.entries()) {
    yield { type: 'tool.step', step: { ...newStep(call, round, i, offset, byName.get(call.name)), status: 'skipped', error } };
  }
}

function newStep(call: ProviderToolCall, round: number, index: number, offset: number, tool: ToolDescriptor | undefined): ToolStep {
  return {
    id: `tool-${round}-${index + 1}`,
    round,
    contentOffset: offset,
    callId: call.id,
    callName: call.name,
    toolId: tool?.id ?? '',
    serverName: tool?.serverName ?? '',
    tool: tool?.name ?? call.name,
    arguments: call.arguments,
    status: 'waiting',
    approval: 'pending',
    startedAt: null,
    durationMs: null,
    progress: null,
    result: null,
    isError: false,
    sentToModel: '',
    capped: false,
    error: null,
  };
}

/**
 * One round: every call gets its step at once; each then waits for its approval (if needed)
 * and runs, all of them together. Step changes come out as they happen.
 */
async function* runRound(
  calls: ProviderToolCall[],
  round: number,
  offset: number,
  byName: ReadonlyMap<string, ToolDescriptor>,
  c: ToolLoopContext,
  signal: AbortSignal,
  thinking: RoundThinking | undefined,
): AsyncGenerator<ProviderEvent, TurnToolCall[]> {
  const now = c.now ?? Date.now;
  const steps = calls.map((call, i) => initialStep(newStep(call, round, i, offset, byName.get(call.name)), [...byName.keys()], c, now));
  // Stored with the round's first step, so a later turn built from history sends it back too.
  if (thinking) steps[0] = { ...steps[0]!, thinking };
  const changed: ToolStep[] = [...steps];
  let wake: (() => void) | null = null;
  const update = (i: number, patch: Partial<ToolStep>) => {
    steps[i] = { ...steps[i]!, ...patch };
    changed.push(steps[i]!);
    wake?.();
  };
  let settled = false;
  const all = Promise.allSettled(steps.map((_, i) => runStep(i, steps, update, c, signal, now))).then(() => {
    settled = true;
    wake?.();
  });
  for (;;) {
    while (changed.length > 0) yield { type: 'tool.step', step: changed.shift()! };
    if (settled) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  await all;
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
  return steps.map((s) => ({ id: s.callId, name: s.callName, arguments: s.arguments, result: s.sentToModel, isError: s.isError }));
}

/** A call to a tool never offered, or with arguments that are not an object, fails at once; the rest wait or run. */
function initialStep(step: ToolStep, names: string[], c: ToolLoopContext, now: () => number): ToolStep {
  if (!step.toolId) {
    const error = new AppError('bad_request', { messageKey: 'toolCalls.errors.unknownTool', params: { tool: step.callName }, retryable: false });
    return { ...step, status: 'error', isError: true, error: error.toJSON(), sentToModel: `There is no tool named "${step.callName}". The tools you can call: ${names.join(', ')}.` };
  }
  if (parseToolArguments(step.arguments) === null) {
    const error = new AppError('bad_request', { messageKey: 'toolCalls.errors.badArguments', retryable: false });
    return { ...step, status: 'error', isError: true, error: error.toJSON(), sentToModel: 'The arguments were not a JSON object; the tool was not called. Send them as a JSON object.' };
  }
  if (c.settings.approval === 'auto') return { ...step, status: 'running', approval: 'auto', startedAt: now() };
  if (c.host.isAlwaysAllowed(step.toolId)) return { ...step, status: 'running', approval: 'always', startedAt: now() };
  return step;
}

async function runStep(
  i: number,
  steps: readonly ToolStep[],
  update: (i: number, patch: Partial<ToolStep>) => void,
  c: ToolLoopContext,
  signal: AbortSignal,
  now: () => number,
): Promise<void> {
  try {
    if (steps[i]!.status === 'waiting') {
      const decision = await c.approvals.wait(c.conversationId, steps[i]!.id, signal);
      if (decision === 'deny') return update(i, { status: 'denied', approval: 'denied', isError: true, sentToModel: DENIED_FOR_MODEL });
      if (decision === 'always') await c.host.setAlwaysAllowed(steps[i]!.toolId, true);
      update(i, { status: 'running', approval: decision, startedAt: now() });
    }
    if (steps[i]!.status !== 'running') return;
    await callTool(i, steps, update, c, signal, now);
  } catch (err) {
    const step = steps[i]!;
    if (signal.aborted) {
      if (step.status === 'waiting' || step.status === 'running') {
        update(i, { status: 'stopped', durationMs: step.startedAt === null ? null : now() - step.startedAt, sentToModel: 'The user stopped this call.', isError: true });
      }
      return;
    }
    const error = redactError(AppError.from(err).toJSON());
    update(i, { status: 'error', isError: true, error, sentToModel: `The tool call failed: ${error.detail ?? error.code}` });
  }
}

async function callTool(i: number, steps: readonly ToolStep[], update: (i: number, patch: Partial<ToolStep>) => void, c: ToolLoopContext, signal: AbortSignal, now: () => number): Promise<void> {
  const step = steps[i]!;
  const started = step.startedAt ?? now();
  const timeoutMs = c.settings.timeoutSeconds * 1000;
  // A call of its own: Stop aborts it (MCP cancellation), and so does the timeout.
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The tool call timed out', 'TimeoutError'));
  }, timeoutMs);
  try {
    const result = await c.host.callTool(step.toolId, parseToolArguments(step.arguments) ?? {}, {
      signal: controller.signal,
      timeoutMs,
      onProgress: (progress, total, message) => update(i, { progress: { progress, total: total ?? null, message: message ?? null } }),
    });
    const forModel = resultForModel(result.parts, c.settings.resultCapBytes);
    const kept = storedResult(result.parts);
    update(i, {
      status: result.isError ? 'error' : 'done',
      durationMs: now() - started,
      result: c.images ? await withStoredImages(kept, c.images, step.tool) : kept,
      isError: result.isError,
      sentToModel: forModel.text,
      capped: forModel.capped,
    });
  } catch (err) {
    // Our timer or the host's own (the same limit, passed along): either way the tool was too slow.
    if (signal.aborted || !(timedOut || (err instanceof AppError && err.code === 'timeout'))) throw err;
    const error = new AppError('timeout', { messageKey: 'toolCalls.errors.timeout', params: { seconds: c.settings.timeoutSeconds } }).toJSON();
    update(i, { status: 'error', durationMs: now() - started, isError: true, error, sentToModel: `The tool did not answer within ${c.settings.timeoutSeconds} seconds; the call was cancelled.` });
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function addUsage(a: Usage | null, b: Usage): Usage {
  if (!a) return b;
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens, totalTokens: a.totalTokens + b.totalTokens };
}
