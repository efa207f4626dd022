import { randomUUID } from 'node:crypto';
import type { ConversationParams } from '../../../../shared/domain';
import { effectiveCapabilities, modelEntry } from '../../../../shared/modelCatalog';
import { AppError } from '../../../../shared/errors';
import type { ChatService } from '../../chat';
import { type EventBus, fitContext, outputReserve } from '../../base';
import type { HistoryStore } from '../../history';
import { IMAGE_LIMITS, noVisionError, type ProviderRequest, type ProviderToolCall } from '../../providers';
import { contextWindowFor, type ProviderRecord, type ProviderService } from '../../settings';
import type { StreamListener, StreamManager } from '../../streaming';
import type { CompletionTurn } from './completionRequest';

export interface CompletionDeps {
  providers: ProviderService;
  history: HistoryStore;
  chat: ChatService;
  streams: StreamManager;
  bus: EventBus;
}

export interface CompletionListener extends StreamListener {
  /** The model asked for one of the client's tools: Brook passes it on and never runs it. */
  onToolCall(call: ProviderToolCall): void;
}

export interface RunningCompletion {
  /** The client went away: stop the answer (a saved one keeps what was written, as Stop does). */
  cancel(): void;
}

/**
 * One API turn through the same core as a window's: the provider from settings (with its key
 * and proxy), the context trimmed to the model's window, the StreamManager's idle timeout and
 * cancellation. Failures before the answer starts are thrown as AppError; later ones reach
 * `listener.onEnd`.
 */
export function runCompletion(
  d: CompletionDeps,
  target: { record: ProviderRecord; model: string },
  turn: CompletionTurn,
  saveToHistory: boolean,
  listener: CompletionListener,
): RunningCompletion {
  return saveToHistory && !usesClientTools(turn) ? runSaved(d, target, turn, listener) : runUnsaved(d, target, turn, listener);
}

/**
 * A client's tools are answered without saving, even with "Save API chats" on: a saved chat
 * would show calls Brook never made, and Regenerate there could not run them.
 */
function usesClientTools(turn: CompletionTurn): boolean {
  return (turn.tools?.length ?? 0) > 0 || turn.turns.some((t) => (t.toolRounds?.length ?? 0) > 0);
}

/**
 * Images reach only a provider family with an image part and a model marked as seeing them;
 * others refuse before anything is sent. Saved API chats keep text only, so images are refused
 * there rather than dropped from the saved conversation.
 */
function checkImages(record: ProviderRecord, model: string, turn: CompletionTurn, saved: boolean): void {
  if (!turn.turns.some((t) => (t.images?.length ?? 0) > 0)) return;
  const vision = effectiveCapabilities(modelEntry(record.models ?? [], model)).vision;
  if (!IMAGE_LIMITS[record.kind] || !vision) throw noVisionError(model);
  if (saved) throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false, detail: 'images are not saved to the history: turn off "Save API chats" to send them' });
}

function runUnsaved(d: CompletionDeps, target: { record: ProviderRecord; model: string }, turn: CompletionTurn, listener: CompletionListener): RunningCompletion {
  const { record, provider } = d.providers.resolve(target.record.id);
  checkImages(record, target.model, turn, false);
  const contextWindow = contextWindowFor(record, target.model);
  // fitContext weighs a client's tool calls and results with the text (textTokens).
  const plan = fitContext(turn.system, turn.turns, {
    contextWindow,
    reserveForOutput: outputReserve(contextWindow, turn.maxOutputTokens ?? null),
  });
  if (!plan) throw new AppError('context_too_long', { retryable: false, params: { tokens: contextWindow } });
  const request: ProviderRequest = {
    model: target.model,
    messages: plan.messages,
    system: plan.system ?? undefined,
    temperature: turn.temperature,
    topP: turn.topP,
    maxOutputTokens: turn.maxOutputTokens,
    ...(turn.tools ? { tools: turn.tools } : {}),
  };
  // The StreamManager leaves calls to a tool loop; here they go straight back to the client.
  async function* withToolCalls(signal: AbortSignal) {
    for await (const event of provider.stream(request, signal)) {
      if (event.type === 'tool.call') listener.onToolCall(event.call);
      yield event;
    }
  }
  // Keyed apart from conversations, so it never collides with a window's stream.
  const key = `api:${randomUUID()}`;
  void d.streams.start(key, key, withToolCalls, [listener]);
  return { cancel: () => void d.streams.stop(key) };
}

/** Saved: an "API" conversation holding the request's messages, answered by ChatService like any other. */
function runSaved(d: CompletionDeps, target: { record: ProviderRecord; model: string }, turn: CompletionTurn, listener: StreamListener): RunningCompletion {
  checkImages(target.record, target.model, turn, true);
  const conversation = d.history.createConversation({ providerId: target.record.id, model: target.model, origin: 'api' });
  const params: ConversationParams = {};
  if (turn.system !== null) params.systemPrompt = turn.system;
  if (turn.temperature !== undefined) params.temperature = turn.temperature;
  if (turn.topP !== undefined) params.topP = turn.topP;
  if (turn.maxOutputTokens !== undefined) params.maxOutputTokens = turn.maxOutputTokens;
  d.history.setConversationParams(conversation.id, params);
  let parentId: string | null = null;
  for (const m of turn.turns.slice(0, -1)) {
    parentId = d.history.appendMessage({ conversationId: conversation.id, parentId, role: m.role, content: m.content, status: 'done' }).id;
  }
  d.bus.emit('conversation.created', d.history.requireConversation(conversation.id));
  let assistantId: string;
  try {
    assistantId = d.chat.send(conversation.id, turn.turns.at(-1)!.content).assistantMessage.id;
  } catch (err) {
    d.history.deleteConversation(conversation.id);
    d.bus.emit('conversation.deleted', { id: conversation.id });
    throw err;
  }
  const attached = d.streams.attach(conversation.id, listener);
  if (!attached) {
    // Ended before streaming (the question alone is longer than the model's window).
    const answer = d.history.requireMessage(assistantId);
    if (answer.error) throw AppError.fromJSON(answer.error);
    throw new AppError('internal', { detail: 'the answer ended before it started' });
  }
  return { cancel: () => void d.chat.stop(conversation.id) };
}
