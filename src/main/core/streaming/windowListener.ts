import type { Message } from '../../../shared/domain';
import type { LiveEvent, StreamEvent } from '../../../shared/streamEvents';
import type { EventBus } from '../base';
import type { StreamListener } from './StreamManager';

/** About one animation frame: a fast model does not flood IPC with one message per token. */
export const DEFAULT_WINDOW_BATCH_MS = 16;

type Piece = Extract<LiveEvent, { type: 'text' | 'reasoning' }>;

/**
 * Everything windows hear about one answer, and the one place it is batched: `start`, then its
 * live events, then `end`. Consecutive text (or reasoning) pieces are joined into one event per
 * interval; any other event sends what is pending first, so the order never changes and the
 * renderer applies each event as it comes, without merging again.
 */
export class WindowStream {
  private pending: Piece[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly bus: EventBus,
    private readonly conversationId: string,
    private readonly messageId: string,
    private readonly intervalMs = DEFAULT_WINDOW_BATCH_MS,
  ) {}

  start(message: Message): void {
    this.emit({ type: 'start', message });
  }

  /** The listener the StreamManager feeds. */
  readonly listener: StreamListener = {
    onEvent: (event) => (event.type === 'text' || event.type === 'reasoning' ? this.add(event) : this.send(event)),
  };

  /** Sends whatever is pending now (a late-attaching window's snapshot must hold exactly what was sent). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const pieces = this.pending;
    this.pending = [];
    for (const piece of pieces) this.emit(piece);
  }

  /** The final row, after everything pending. */
  end(message: Message): void {
    this.send({ type: 'end', message });
  }

  private add(piece: Piece): void {
    const last = this.pending.at(-1);
    if (last && last.type === piece.type) last.text += piece.text;
    else this.pending.push({ type: piece.type, text: piece.text });
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  private send(event: StreamEvent): void {
    this.flush();
    this.emit(event);
  }

  private emit(event: StreamEvent): void {
    this.bus.emit('stream', { conversationId: this.conversationId, messageId: this.messageId, event });
  }
}
