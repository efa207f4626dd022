/**
 * The `custom` kind: an endpoint the user described (shared/customEndpoint.ts) instead of a
 * protocol Brook knows. The request comes from the description's templates
 * (./customEndpointTemplate), the frames from its transport (./customEndpointFrames), the
 * text from its paths (./customEndpointExtract). Everything after that is the common path:
 * Stop aborts the request or closes the socket, errors are AppErrors with the partial text
 * kept by the stream, and the description's idle timeout ends a silent stream.
 */
import type { CustomEndpoint } from '../../../shared/customEndpoint';
import { AppError } from '../../../shared/errors';
import { type ErrorContext, redact, withSecretHeaders } from '../net';
import { FrameInterpreter, type FrameOutcome, FullTextDeltas } from './customEndpointExtract';
import { describeEnd, openStream, type OpenedStream, type RawFrame, type StreamTarget } from './customEndpointFrames';
import { renderBody, renderUrl, templateValues } from './customEndpointTemplate';
import { refuseImages } from './imageParts';
import { rejectPrefill } from './messages';
import { BatchedEvents } from './batchedEvents';
import type { Provider, ProviderDeps, ProviderEvent, ProviderFactory, ProviderRequest } from './provider';
import { refuseTools } from './toolSupport';

/** The description and the values of its secret headers (by header name), from the secret store. */
export interface CustomEndpointConnection {
  endpoint: CustomEndpoint;
  secretHeaders: Record<string, string>;
}

export const customEndpointFactory: ProviderFactory = {
  kind: 'custom',
  create(connection, deps) {
    if (!connection.custom) {
      throw new AppError('bad_request', { messageKey: 'customEndpoint.errors.noDescription', retryable: false, detail: 'This provider has no endpoint description.' });
    }
    return new CustomEndpointProvider(connection.custom, deps);
  },
};

/** Called with each frame as received and what was read from it (or why it failed). */
export type FrameObserver = (frame: RawFrame, outcome: FrameOutcome | null, error: unknown) => void;

export class CustomEndpointProvider implements Provider {
  private readonly errorContext: ErrorContext;

  constructor(
    private readonly connection: CustomEndpointConnection,
    private readonly deps: ProviderDeps,
  ) {
    this.errorContext = { secrets: Object.values(connection.secretHeaders), wrongPathKey: null };
  }

  stream(request: ProviderRequest, signal: AbortSignal): AsyncIterable<ProviderEvent> {
    return new BatchedEvents((out) => this.produce(request, signal, out));
  }

  /** A described endpoint has no model list: the model is whatever the description sends. */
  listModels(): Promise<string[]> {
    return Promise.resolve([]);
  }

  /** Sends the request and yields the answer; `observe` sees every frame (the Test uses it). */
  run(request: ProviderRequest, signal: AbortSignal, observe?: (opened: OpenedStream) => void, onFrame?: FrameObserver): AsyncIterable<ProviderEvent> {
    return new BatchedEvents((out) => this.answer(request, signal, out, observe, onFrame));
  }

  private async *produce(request: ProviderRequest, signal: AbortSignal, out: ProviderEvent[]): AsyncGenerator<void, void, undefined> {
    rejectPrefill(request, 'A custom endpoint');
    refuseTools(request, 'A custom endpoint');
    refuseImages(request);
    yield* this.answer(request, signal, out);
  }

  /** The answer's events, pushed into `out` a batch of frames at a time (./batchedEvents.ts). */
  private async *answer(request: ProviderRequest, signal: AbortSignal, out: ProviderEvent[], observe?: (opened: OpenedStream) => void, onFrame?: FrameObserver): AsyncGenerator<void, void, undefined> {
    const { endpoint } = this.connection;
    const idle = new IdleTimer(endpoint.idleTimeoutSeconds);
    const watched = AbortSignal.any([signal, idle.signal]);
    try {
      idle.reset();
      const opened = await openStream(endpoint, this.target(request), this.deps, watched, this.errorContext);
      observe?.(opened);
      yield* answerEvents(endpoint, opened.frames, () => idle.reset(), out, onFrame);
    } catch (err) {
      if (idle.fired && !signal.aborted) throw idle.error();
      throw withoutSecrets(err, this.errorContext);
    } finally {
      idle.stop();
    }
  }

  private target(request: ProviderRequest): StreamTarget {
    const { endpoint, secretHeaders } = this.connection;
    const values = templateValues(request);
    const websocket = endpoint.stream.format === 'websocket';
    const body = websocket || endpoint.request.method === 'POST' ? renderBody(endpoint.request.body, values) : null;
    const plain = new Headers();
    for (const h of endpoint.request.headers) if (!h.secret && h.value !== '') plain.set(h.name, h.value);
    const secrets = Object.fromEntries(endpoint.request.headers.filter((h) => h.secret).map((h) => [h.name, secretHeaders[h.name] ?? null]));
    const headers = withSecretHeaders(plain, secrets);
    if (!websocket && body !== null && !headers.has('content-type')) headers.set('content-type', 'application/json');
    if (endpoint.stream.format === 'sse' && !headers.has('accept')) headers.set('accept', 'text/event-stream');
    return { url: renderUrl(endpoint.request.url, values), headers, body };
  }
}

/** Frames → events, with the description's end rule; a stream that closes before its end signal is an error. */
async function* answerEvents(endpoint: CustomEndpoint, frames: AsyncIterable<RawFrame[]>, heard: () => void, out: ProviderEvent[], onFrame?: FrameObserver): AsyncGenerator<void, void, undefined> {
  const interpreter = new FrameInterpreter(endpoint.extract);
  const full = endpoint.extract.mode === 'full' ? { text: new FullTextDeltas(), reasoning: new FullTextDeltas() } : null;
  let index = 0;
  for await (const batch of frames) {
    heard();
    for (const frame of batch) {
      index++;
      let outcome: FrameOutcome;
      try {
        outcome = interpreter.read(frame.data, index);
      } catch (err) {
        onFrame?.(frame, null, err);
        throw err;
      }
      onFrame?.(frame, outcome, null);
      const reasoning = full ? full.reasoning.next(outcome.reasoning) : outcome.reasoning;
      const text = full ? full.text.next(outcome.text) : outcome.text;
      if (reasoning !== '') out.push({ type: 'reasoning', text: reasoning });
      if (text !== '') out.push({ type: 'text', text });
      if (outcome.end) {
        out.push({ type: 'done', finishReason: 'stop' });
        return;
      }
    }
    // The reader gets this batch's events now, before the next read is awaited.
    yield;
  }
  if (endpoint.extract.end.kind === 'close') {
    out.push({ type: 'done', finishReason: 'stop' });
    return;
  }
  const end = describeEnd(endpoint.extract.end);
  throw new AppError('network', {
    messageKey: 'customEndpoint.errors.noEndSignal',
    params: { end, frames: index },
    retryable: true,
    detail: `The stream closed after ${index} frame(s) without the end signal (${end}).`,
  });
}

/** Ends a stream that has been silent for the description's idle timeout. */
class IdleTimer {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | null = null;
  fired = false;

  constructor(private readonly seconds: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  reset(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort(new DOMException('The endpoint went silent.', 'TimeoutError'));
    }, this.seconds * 1000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  error(): AppError {
    return new AppError('timeout', {
      messageKey: 'customEndpoint.errors.silence',
      params: { seconds: this.seconds },
      detail: `Nothing arrived for ${this.seconds} s.`,
    });
  }
}

/** A frame's text quoted in an error could echo a secret header back: the same redaction as HTTP errors. */
function withoutSecrets(err: unknown, ctx: ErrorContext): unknown {
  if (!(err instanceof AppError)) return err;
  const clean = (text: string): string => redact(text, ctx);
  const params = err.params && Object.fromEntries(Object.entries(err.params).map(([k, v]) => [k, typeof v === 'string' ? clean(v) : v]));
  return new AppError(err.code, {
    messageKey: err.messageKey,
    retryable: err.retryable,
    status: err.status,
    retryAfterMs: err.retryAfterMs,
    cause: err.cause,
    ...(err.detail !== undefined ? { detail: clean(err.detail) } : {}),
    ...(params ? { params } : {}),
  });
}
