import type { Usage } from '../../../shared/domain';
import type { StreamEvent } from '../../../shared/streamEvents';

/**
 * Coalesces text deltas into at most one event per interval (about one animation frame),
 * so a fast model does not flood IPC with one message per token. Anything that is not a
 * delta flushes pending text first, keeping order.
 */
export class BatchedForwarder {
  private text = '';
  private reasoning = '';
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly emit: (event: StreamEvent) => void,
    private readonly intervalMs = 16,
  ) {}

  addText(text: string): void {
    this.text += text;
    this.schedule();
  }

  addReasoning(text: string): void {
    this.reasoning += text;
    this.schedule();
  }

  usage(usage: Usage): void {
    this.flush();
    this.emit({ type: 'usage', usage });
  }

  /** Sends whatever is pending now. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.text === '' && this.reasoning === '') return;
    const event: StreamEvent = { type: 'delta', text: this.text, reasoning: this.reasoning };
    this.text = '';
    this.reasoning = '';
    this.emit(event);
  }

  private schedule(): void {
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }
}
