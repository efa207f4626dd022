import type { StreamEventEnvelope } from '../../../shared/streamEvents';

export type FrameScheduler = (callback: () => void) => void;

/**
 * Collects stream events outside React state and hands them over at most once per frame, as
 * they came: the core's window listener already joined the text of each interval, so nothing
 * is merged again here.
 */
export class StreamBatcher {
  private pending: StreamEventEnvelope[] = [];
  private scheduled = false;

  constructor(
    private readonly schedule: FrameScheduler,
    private readonly flushTo: (batch: readonly StreamEventEnvelope[]) => void,
  ) {}

  push(envelope: StreamEventEnvelope): void {
    this.pending.push(envelope);
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
