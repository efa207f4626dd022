import type { Usage } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ProviderEvent } from '../providers';
import type { LiveEvent } from '../../../shared/streamEvents';
import { withToolStep, type ToolStep } from '../../../shared/toolCalls';
import { withSource, withStep, type WebSearchRecord } from '../../../shared/webSearch';

export type StreamOutcome =
  | { status: 'done'; finishReason: string | null }
  | { status: 'stopped' }
  /** The app is quitting: the answer is kept and marked as cut short, not as stopped by the user. */
  | { status: 'interrupted' }
  | { status: 'error'; error: AppError };

export interface StreamState {
  conversationId: string;
  messageId: string;
  content: string;
  reasoning: string;
  usage: Usage | null;
  /** The answer's web search so far; null when it did not search. */
  webSearch: WebSearchRecord | null;
  /** The answer's tool calls so far; null when it called none. */
  toolSteps?: ToolStep[] | null;
}

/**
 * Listeners see every event in order, under its one name (shared/streamEvents), after `state`
 * took it in; one that throws never breaks the others.
 */
export interface StreamListener {
  onEvent?(event: LiveEvent, state: StreamState): void;
  onEnd?(outcome: StreamOutcome, state: StreamState): void;
}

export interface StreamManagerOptions {
  /**
   * A stream silent for this long fails with `timeout`, keeping its partial text. A function is
   * read when each stream starts, so a changed setting applies to the next answer.
   */
  idleTimeoutMs?: number | (() => number);
  onListenerError?: (err: unknown) => void;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

interface LiveStream {
  state: StreamState;
  idleTimeoutMs: number;
  controller: AbortController;
  listeners: Set<StreamListener>;
  timedOut: boolean;
  shuttingDown: boolean;
  idleTimer: ReturnType<typeof setTimeout> | null;
  /** When the last event came (Date.now()); the idle timer measures silence from here. */
  lastEventAt: number;
  finished: Promise<StreamOutcome>;
}

/**
 * One live stream per conversation. Owns cancellation (an AbortController each), fan-out to
 * any number of listeners, and late attach: a listener added mid-stream gets the text so far
 * as a snapshot, then every later event.
 */
export class StreamManager {
  private readonly live = new Map<string, LiveStream>();
  private readonly idleTimeout: () => number;
  private readonly onListenerError: (err: unknown) => void;

  constructor(options: StreamManagerOptions = {}) {
    const idle = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.idleTimeout = typeof idle === 'function' ? idle : () => idle;
    this.onListenerError = options.onListenerError ?? (() => {});
  }

  isActive(conversationId: string): boolean {
    return this.live.has(conversationId);
  }

  /** True while any answer is streaming (an update then waits for the next quit). */
  hasLive(): boolean {
    return this.live.size > 0;
  }

  start(
    conversationId: string,
    messageId: string,
    source: (signal: AbortSignal) => AsyncIterable<ProviderEvent>,
    listeners: StreamListener[] = [],
    /** Continue: the text the answer already has; new text is added after it. */
    initial: { content: string; reasoning: string } = { content: '', reasoning: '' },
  ): Promise<StreamOutcome> {
    if (this.live.has(conversationId)) {
      throw new AppError('bad_request', { messageKey: 'errors.streamActive', retryable: false });
    }
    const stream: LiveStream = {
      state: { conversationId, messageId, content: initial.content, reasoning: initial.reasoning, usage: null, webSearch: null, toolSteps: null },
      controller: new AbortController(),
      listeners: new Set(listeners),
      idleTimeoutMs: this.idleTimeout(),
      timedOut: false,
      shuttingDown: false,
      idleTimer: null,
      lastEventAt: Date.now(),
      finished: Promise.resolve({ status: 'stopped' }),
    };
    this.live.set(conversationId, stream);
    stream.finished = this.run(stream, source);
    return stream.finished;
  }

  /** Late attach: the state so far plus live events from now on; null when nothing streams. */
  attach(conversationId: string, listener: StreamListener): { snapshot: StreamState; detach: () => void } | null {
    const stream = this.live.get(conversationId);
    if (!stream) return null;
    stream.listeners.add(listener);
    return { snapshot: { ...stream.state }, detach: () => stream.listeners.delete(listener) };
  }

  snapshot(conversationId: string): StreamState | null {
    const stream = this.live.get(conversationId);
    return stream ? { ...stream.state } : null;
  }

  /** Resolves once the stream has ended and every listener has seen its end. */
  async stop(conversationId: string): Promise<void> {
    const stream = this.live.get(conversationId);
    if (!stream) return;
    stream.controller.abort();
    await stream.finished;
  }

  /** For quitting: every live answer ends `interrupted` with its text saved. */
  async stopAll(): Promise<void> {
    for (const stream of this.live.values()) stream.shuttingDown = true;
    await Promise.all([...this.live.keys()].map((id) => this.stop(id)));
  }

  private async run(
    stream: LiveStream,
    source: (signal: AbortSignal) => AsyncIterable<ProviderEvent>,
  ): Promise<StreamOutcome> {
    const { state, controller } = stream;
    let outcome: StreamOutcome;
    this.armIdleTimer(stream);
    try {
      let finishReason: string | null = null;
      for await (const event of source(controller.signal)) {
        if (event.type === 'done') finishReason = event.finishReason;
        // Calls are the tool loop's (chat/toolLoop); a source without one offered no tools.
        else if (event.type !== 'tool.call' && takeIn(state, event)) this.notify(stream, (l) => l.onEvent?.(event, state));
        this.armIdleTimer(stream);
      }
      if (controller.signal.aborted) outcome = this.abortedOutcome(stream);
      // A provider that says it finished (llama.cpp's `finish_reason: "stop"` with no text) gave an
      // empty answer, not an error; only an end without any finish is a failure.
      else if (state.content === '' && state.reasoning === '' && finishReason === null) {
        outcome = { status: 'error', error: new AppError('provider', { messageKey: 'errors.emptyAnswer' }) };
      } else outcome = { status: 'done', finishReason };
    } catch (err) {
      outcome = controller.signal.aborted ? this.abortedOutcome(stream) : { status: 'error', error: AppError.from(err) };
    } finally {
      if (stream.idleTimer) clearTimeout(stream.idleTimer);
    }
    this.live.delete(state.conversationId);
    this.notify(stream, (l) => l.onEnd?.(outcome, state));
    return outcome;
  }

  private abortedOutcome(stream: LiveStream): StreamOutcome {
    if (stream.shuttingDown) return { status: 'interrupted' };
    if (!stream.timedOut) return { status: 'stopped' };
    return {
      status: 'error',
      error: new AppError('timeout', { params: { seconds: Math.round(stream.idleTimeoutMs / 1000) } }),
    };
  }

  /**
   * Called for every event: notes the time and keeps one timer running, which re-arms itself
   * for the rest of the window when events came meanwhile. A timer cleared and set per event
   * cost ~7 % of the core's time per token at 100k tokens/s (bench:throughput).
   */
  private armIdleTimer(stream: LiveStream): void {
    stream.lastEventAt = Date.now();
    // Silence is expected while a tool call waits for the user or runs (it has its own timeout).
    if (stream.state.toolSteps?.some((s) => s.status === 'waiting' || s.status === 'running')) {
      if (stream.idleTimer) clearTimeout(stream.idleTimer);
      stream.idleTimer = null;
      return;
    }
    if (!stream.idleTimer) this.checkIdleIn(stream, stream.idleTimeoutMs);
  }

  private checkIdleIn(stream: LiveStream, delayMs: number): void {
    stream.idleTimer = setTimeout(() => {
      const quiet = Date.now() - stream.lastEventAt;
      if (quiet < stream.idleTimeoutMs) return this.checkIdleIn(stream, stream.idleTimeoutMs - quiet);
      stream.idleTimer = null;
      stream.timedOut = true;
      stream.controller.abort();
    }, delayMs);
  }

  private notify(stream: LiveStream, call: (l: StreamListener) => void): void {
    for (const listener of stream.listeners) {
      try {
        call(listener);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }
}

/** Adds an event to the answer so far; false for an empty piece, which nobody needs to hear. */
function takeIn(state: StreamState, event: LiveEvent): boolean {
  switch (event.type) {
    case 'text':
      state.content += event.text;
      return event.text !== '';
    case 'reasoning':
      state.reasoning += event.text;
      return event.text !== '';
    case 'usage':
      state.usage = event.usage;
      return true;
    case 'search.step':
      state.webSearch = withStep(state.webSearch, event.step);
      return true;
    case 'search.source':
      state.webSearch = withSource(state.webSearch, event.source);
      return true;
    case 'tool.step':
      state.toolSteps = withToolStep(state.toolSteps, event.step);
      return true;
  }
}
