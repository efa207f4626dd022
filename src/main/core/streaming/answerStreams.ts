import type { Message, StreamSnapshot } from '../../../shared/domain';
import type { EventBus } from '../base';
import type { HistoryStore } from '../history';
import type { ProviderEvent } from '../providers';
import { AnswerRecorder } from './answerRecorder';
import type { StreamManager } from './StreamManager';
import { DEFAULT_WINDOW_BATCH_MS, WindowStream } from './windowListener';

export interface AnswerStreamsOptions {
  streams: StreamManager;
  history: HistoryStore;
  bus: EventBus;
  log: (message: string) => void;
  /** How often streamed text is written to the database; at most a second is lost on a crash. */
  checkpointMs?: number;
  /** How often text reaches windows; about one animation frame. */
  windowBatchMs?: number;
}

export type AnswerSource = (signal: AbortSignal) => AsyncIterable<ProviderEvent>;

/**
 * An assistant answer from its first event to its saved end: the StreamManager runs the
 * source, the recorder saves it, the window stream tells windows. The order is fixed here, not
 * by the order of a listener list: every event is recorded, then sent; at the end the final row
 * is written first, and windows get `end` with that row after every pending piece of text.
 */
export class AnswerStreams {
  /** Per live answer, keyed by conversation: what windows have not been sent yet. */
  private readonly windows = new Map<string, WindowStream>();

  constructor(private readonly o: AnswerStreamsOptions) {}

  /** Announces `assistant` (`start`) and streams `source` into it; `initial` is the text a Continue adds to. */
  begin(assistant: Message, source: AnswerSource, initial?: { content: string; reasoning: string }): void {
    const { conversationId, id: messageId } = assistant;
    const window = new WindowStream(this.o.bus, conversationId, messageId, this.o.windowBatchMs ?? DEFAULT_WINDOW_BATCH_MS);
    const recorder = new AnswerRecorder({ history: this.o.history, log: this.o.log, checkpointMs: this.o.checkpointMs ?? 500 }, assistant);
    this.windows.set(conversationId, window);
    window.start(assistant);
    void this.o.streams.start(
      conversationId,
      messageId,
      source,
      [
        {
          onEvent: (event, state) => {
            recorder.record(event.type, state);
            window.listener.onEvent?.(event, state);
          },
          onEnd: (outcome, state) => {
            const saved = recorder.finish(outcome, state);
            if (this.windows.get(conversationId) === window) this.windows.delete(conversationId);
            window.end(saved);
          },
        },
      ],
      initial,
    );
  }

  /** An answer that ended before it could start (the question alone overflows the window). */
  endedBeforeStart(assistant: Message, ended: Message): void {
    const window = new WindowStream(this.o.bus, assistant.conversationId, assistant.id);
    window.start(assistant);
    window.end(ended);
  }

  /** Rows found `streaming` with no live stream behind them, now marked interrupted: windows learn they ended. */
  endedElsewhere(message: Message): void {
    new WindowStream(this.o.bus, message.conversationId, message.id).end(message);
  }

  /**
   * The live answer so far. Pending text is sent first, so the snapshot holds exactly the text
   * already sent as events: a window adds only events that arrive after this answer.
   */
  snapshot(conversationId: string): StreamSnapshot | null {
    this.windows.get(conversationId)?.flush();
    const s = this.o.streams.snapshot(conversationId);
    return s && { conversationId, messageId: s.messageId, content: s.content, reasoning: s.reasoning, webSearch: s.webSearch, toolSteps: s.toolSteps ?? null };
  }
}
