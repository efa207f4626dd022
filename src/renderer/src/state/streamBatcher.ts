import type { StreamEventEnvelope } from '../../../shared/streamEvents';

export type FrameScheduler = (callback: () => void) => void;

/**
 * Collects stream events outside React state and hands them over at most once per frame.
 * Consecutive deltas for one message are merged, so a backlog (a hidden window, a slow frame)
 * stays one string concatenation instead of thousands of queued events.
 */
export class StreamBatcher {
  private pending: StreamEventEnvelope[] = [];
  private scheduled = false;

  constructor(
    private readonly schedule: FrameScheduler,
    private readonly flushTo: (batch: readonly StreamEventEnvelope[]) => void,
  ) {}

  push(envelope: StreamEventEnvelope): void {
    const last = this.pending.at(-1);
    if (last && last.messageId === envelope.messageId && last.event.type === 'delta' && envelope.event.type === 'delta') {
      this.pending[this.pending.length - 1] = {
        ...last,
        event: {
          type: 'delta',
          text: last.event.text + envelope.event.text,
          reasoning: last.event.reasoning + envelope.event.reasoning,
        },
      };
    } else {
      this.pending.push(envelope);
    }
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.flush());
    }
  }

  /** Forgets queued events that match, e.g. deltas a late-attach snapshot already contains. */
  discard(predicate: (envelope: StreamEventEnvelope) => boolean): void {
    this.pending = this.pending.filter((e) => !predicate(e));
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.flushTo(batch);
  }

  get size(): number {
    return this.pending.length;
  }
}
