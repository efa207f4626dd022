/**
 * Google Gemini (protocols.md §3): `POST {base}/models/{model}:streamGenerateContent?alt=sse`
 * with `x-goog-api-key`. Every SSE `data:` is a whole GenerateContentResponse; parts flagged
 * `thought: true` are reasoning, the rest answer text, several per frame.
 *
 * There is no end marker: the stream just ends. An end after a frame with a `finishReason`
 * is a complete answer; an end without one is a dropped connection.
 *
 * UNCONFIRMED (§10.4): whether every frame or only the last carries `usageMetadata`; the last
 * one seen wins either way. How errors arrive after HTTP 200 is known only from the SDK, which
 * accepts a JSON `error` in any chunk, so both a `data:` JSON and a bare JSON body are read.
 *
 * Cancellation contract: see ./common.ts.
 */
import type { Usage } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { DEFAULT_BASE_URLS } from '../../../shared/providerCatalog';
import { checkedUrl, connectionLost, type ErrorContext, errorFromStreamPayload, extractErrorFields, finiteNumber, isRecord, parseJson, readJson, readSse, redact, resolveFailure, sendOk, trimBase, truncateDetail, withSecretHeaders } from '../net';
import { geminiParts } from './imageParts';
import { makeUsage, noUserMessage, rejectPrefill, splitMessages, type Turn } from './messages';
import { GeminiGrounding } from './geminiGrounding';
import { GeminiFunctionCalls, geminiToolContents, geminiToolsField } from './geminiTools';
import { BatchedEvents } from './batchedEvents';
import type { Provider, ProviderConnection, ProviderDeps, ProviderEvent, ProviderFactory, ProviderRequest } from './provider';

const MAX_MODEL_PAGES = 20;
/** Where the stream ends with no finishReason: named in the "connection lost" detail. */
const END_MARKER = 'a finishReason';

export const geminiFactory: ProviderFactory = {
  kind: 'gemini',
  create(connection, deps) {
    return new GeminiProvider(connection, deps);
  },
};

/** Gemini's FinishReason values (§3.3) in OpenAI's words where they mean the same. */
const FINISH_REASONS: Record<string, string> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  BLOCKLIST: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  SPII: 'content_filter',
  IMAGE_SAFETY: 'content_filter',
};

/**
 * Models that think and return thought summaries when asked. Asking a model that cannot think
 * is refused by the API, so only these get `includeThoughts` unless the request says otherwise.
 */
export function geminiThinksByDefault(model: string): boolean {
  return /gemini-(?:2\.5|[3-9])|thinking/i.test(model);
}

export class GeminiProvider implements Provider {
  private readonly baseUrl: string;
  private readonly errorContext: ErrorContext;

  constructor(
    private readonly connection: ProviderConnection,
    private readonly deps: ProviderDeps,
  ) {
    this.baseUrl = trimBase(connection.baseUrl, DEFAULT_BASE_URLS.gemini);
    this.errorContext = { secrets: [connection.apiKey], wrongPathKey: null };
  }

  stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent> {
    return new BatchedEvents((out) => this.produce(request, signal, out));
  }

  /** The events of one answer, pushed into `out` a network read at a time (./batchedEvents.ts). */
  private async *produce(request: ProviderRequest, signal: AbortSignal, out: ProviderEvent[]): AsyncGenerator<void, void, undefined> {
    rejectPrefill(request, 'Gemini');
    const { system, turns } = splitMessages(request);
    if (!turns.some((t) => t.role === 'user')) throw noUserMessage();
    const model = request.model.replace(/^models\//, '');

    const body = geminiBody(request, system, turns, model);
    const grounding = request.webSearch ? new GeminiGrounding() : null;

    const response = await this.send(`/models/${encodeURIComponent(model)}:streamGenerateContent?alt=sse`, signal, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(body),
    });
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('text/event-stream') || !response.body) {
      const text = await response.text().catch((err: unknown) => {
        throw resolveFailure(err, signal, () => connectionLost(END_MARKER, false, err));
      });
      const json = parseJson(text);
      if (extractErrorFields(json)) throw errorFromStreamPayload(json, this.errorContext);
      throw new AppError('provider', { detail: `Expected an event stream, got ${contentType || 'no content type'}.` });
    }

    let finishReason: string | null = null;
    let usage: Usage | null = null;
    let wroteAnything = false;
    const calls = new GeminiFunctionCalls();
    let receivedAny = false;
    for await (const items of readSse(response.body, signal, { endMarker: END_MARKER, errorContext: this.errorContext })) {
      for (const item of items) {
        receivedAny = true;
        if (item.type === 'json') {
          // Possibly Google's array form `[{"error": …}]`; extractErrorFields unwraps it.
          if (extractErrorFields(item.value)) throw errorFromStreamPayload(item.value, this.errorContext);
          continue;
        }
        if (item.event.data.trim() === '') continue;
        const json = parseJson(item.event.data);
        if (!isRecord(json)) {
          throw new AppError('provider', { detail: `Unreadable stream chunk: ${truncateDetail(redact(item.event.data, this.errorContext), 200)}` });
        }
        if (json.error !== undefined && json.error !== null) throw errorFromStreamPayload(json, this.errorContext);

        const feedback = isRecord(json.promptFeedback) ? json.promptFeedback : {};
        if (typeof feedback.blockReason === 'string') {
          throw new AppError('content_filter', { retryable: false, detail: `Gemini blocked the prompt (${feedback.blockReason}).` });
        }
        const candidate = Array.isArray(json.candidates) ? (json.candidates[0] as unknown) : undefined;
        if (isRecord(candidate)) {
          const parts: unknown[] = isRecord(candidate.content) && Array.isArray(candidate.content.parts) ? candidate.content.parts : [];
          // Thought parts come first, and a frame can hold several parts: read them all (§3.3).
          for (const part of parts) {
            if (isRecord(part) && part.functionCall !== undefined) out.push(...calls.fromPart(part));
            else if (isRecord(part)) calls.otherPart(part);
            if (!isRecord(part) || typeof part.text !== 'string' || part.text === '') continue;
            wroteAnything = true;
            out.push(part.thought === true ? { type: 'reasoning', text: part.text } : { type: 'text', text: part.text });
          }
          if (grounding && candidate.groundingMetadata !== undefined) out.push(...grounding.update(candidate.groundingMetadata));
          if (typeof candidate.finishReason === 'string' && candidate.finishReason !== '') {
            finishReason = FINISH_REASONS[candidate.finishReason] ?? candidate.finishReason.toLowerCase();
          }
        }
        usage = toUsage(json.usageMetadata) ?? usage;
      }
      // The reader gets this read's events now, before the next read is awaited.
      yield;
    }

    if (finishReason === null) throw connectionLost(END_MARKER, receivedAny);
    if (finishReason === 'content_filter' && !wroteAnything) {
      throw new AppError('content_filter', { retryable: false, detail: 'Gemini stopped the answer before it began (safety).' });
    }
    if (usage) out.push({ type: 'usage', usage });
    // Gemini ends a turn of calls with STOP: the calls decide.
    const thinking = calls.forRound(model);
    out.push({ type: 'done', finishReason: calls.any && finishReason === 'stop' ? 'tool_calls' : finishReason, ...(thinking ? { thinking } : {}) });
  }

  /** Models that can generate content, without the `models/` prefix. */
  async listModels(signal: AbortSignal): Promise<string[]> {
    const ids: string[] = [];
    let pageToken: string | null = null;
    for (let page = 0; page < MAX_MODEL_PAGES; page++) {
      const query = new URLSearchParams({ pageSize: '1000' });
      if (pageToken !== null) query.set('pageToken', pageToken);
      const response = await this.send(`/models?${query.toString()}`, signal, { method: 'GET', headers: { accept: 'application/json' } });
      const json = await readJson(response, signal, 'The model list', this.errorContext);
      if (!isRecord(json)) throw new AppError('provider', { detail: 'The model list is not an object.' });
      // An account with no models answers `{}`.
      const models: unknown[] = Array.isArray(json.models) ? json.models : [];
      for (const m of models) {
        if (!isRecord(m) || typeof m.name !== 'string') continue;
        const methods = m.supportedGenerationMethods;
        if (Array.isArray(methods) && !methods.includes('generateContent')) continue;
        ids.push(m.name.replace(/^models\//, ''));
      }
      if (typeof json.nextPageToken !== 'string' || json.nextPageToken === '') break;
      pageToken = json.nextPageToken;
    }
    return [...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en'));
  }

  private send(path: string, signal: AbortSignal, init: RequestInit): Promise<Response> {
    const url = checkedUrl(this.baseUrl, path).toString();
    const headers = withSecretHeaders(init.headers, { 'x-goog-api-key': this.connection.apiKey });
    return sendOk({ fetch: this.deps.fetch, url, init: { ...init, headers }, signal, errorContext: this.errorContext });
  }
}

/** The request body: contents, the system instruction, generation settings and the search tool. */
function geminiBody(request: ProviderRequest, system: string, turns: Turn[], model: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    contents: request.messages.some((m) => m.toolRounds?.length)
      ? geminiToolContents(request.messages, model)
      : turns.map((t) => ({ role: t.role === 'assistant' ? 'model' : 'user', parts: geminiParts(t.content, t.images) })),
  };
  if (system !== '') body.systemInstruction = { parts: [{ text: system }] };
  const config: Record<string, unknown> = {};
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.topP !== undefined) config.topP = request.topP;
  if (request.topK !== undefined) config.topK = request.topK;
  if (request.maxOutputTokens !== undefined) config.maxOutputTokens = request.maxOutputTokens;
  if (request.reasoning ?? geminiThinksByDefault(model)) config.thinkingConfig = { includeThoughts: true };
  if (Object.keys(config).length > 0) body.generationConfig = config;
  const tools: unknown[] = request.tools?.length ? [geminiToolsField(request.tools)] : [];
  if (request.webSearch) tools.push({ googleSearch: {} });
  if (tools.length > 0) body.tools = tools;
  return body;
}

/** `totalTokenCount` includes thoughts and tool-use prompts; completion = the rest. */
function toUsage(value: unknown): Usage | null {
  if (!isRecord(value)) return null;
  const prompt = finiteNumber(value.promptTokenCount);
  const candidates = finiteNumber(value.candidatesTokenCount);
  const thoughts = finiteNumber(value.thoughtsTokenCount);
  const total = finiteNumber(value.totalTokenCount);
  const completion = candidates === null && thoughts === null ? null : (candidates ?? 0) + (thoughts ?? 0);
  return makeUsage(prompt, completion, total);
}
