/**
 * A hybrid logical clock: wall-clock milliseconds, a counter for events in the same
 * millisecond (or when the wall clock is behind a clock already seen), and the device id as
 * the last tie-breaker. Written as a fixed-width string, so comparing two clocks is comparing
 * two strings — the same on every device and in SQL.
 */
export interface HlcParts {
  ms: number;
  counter: number;
  device: string;
}

export function formatHlc({ ms, counter, device }: HlcParts): string {
  return `${String(ms).padStart(15, '0')}.${String(counter).padStart(6, '0')}.${device}`;
}

export function parseHlc(text: string): HlcParts {
  const [ms, counter, ...device] = text.split('.');
  return { ms: Number(ms), counter: Number(counter), device: device.join('.') };
}

export class HybridClock {
  private ms: number;
  private counter: number;

  constructor(
    private readonly device: string,
    last: string | null,
  ) {
    const parts = last ? parseHlc(last) : { ms: 0, counter: 0 };
    this.ms = parts.ms;
    this.counter = parts.counter;
  }

  /** The clock of a local change made at `wallMs`: never below one already given or seen. */
  tick(wallMs: number): string {
    if (wallMs > this.ms) {
      this.ms = wallMs;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return formatHlc({ ms: this.ms, counter: this.counter, device: this.device });
  }

  /** A pulled change's clock: later local changes are ordered after it. */
  observe(remote: string): void {
    const parts = parseHlc(remote);
    if (parts.ms > this.ms || (parts.ms === this.ms && parts.counter > this.counter)) {
      this.ms = parts.ms;
      this.counter = parts.counter;
    }
  }

  get current(): string {
    return formatHlc({ ms: this.ms, counter: this.counter, device: this.device });
  }
}
