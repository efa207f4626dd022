import type { Message } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { redactError } from '../base';
import type { HistoryStore, MessageFinish } from '../history';
import type { LiveEvent } from '../../../shared/streamEvents';
import type { StreamOutcome, StreamState } from './StreamManager';

const FINAL_WRITE_RETRY_MS = 1000;

export interface RecorderOptions {
  history: HistoryStore;
  log: (message: string) => void;
  /** At most this long between writes of streamed text: a crash loses no more. */
  checkpointMs: number;
}

/**
 * The persistence listener: keeps the assistant row current while it streams (a checkpoint at
 * most every `checkpointMs`, each search step at once) and writes the final row when it ends.
 * Write failures (a full or busy disk) are logged and retried, never thrown into the stream.
 */
export class AnswerRecorder {
  private lastWrite = Date.now();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: { content: string; reasoning: string } | null = null;
  /** The Thinking block shows how long the model reasoned: first reasoning to first answer text. */
  private reasoningStarted: number | null = null;
  private reasoningMs: number | null = null;

  constructor(
    private readonly o: RecorderOptions,
    private readonly assistant: Message,
  ) {}

  /** Called for each live event, after `state` took it in. */
  record(type: LiveEvent['type'], state: StreamState): void {
    if (type === 'search.step' || type === 'search.source') this.saveSearch(state);
    if (type === 'tool.step') this.saveToolSteps(state);
    if (type === 'reasoning') this.reasoningStarted ??= Date.now();
    if (type === 'text') this.reasoningEnded();
    if (type === 'text' || type === 'reasoning') this.changed(state);
  }

  /** Writes the final row and returns it; from memory when the write fails (it is retried). */
  finish(outcome: StreamOutcome, state: StreamState): Message {
    if (this.timer) clearTimeout(this.timer);
    this.reasoningEnded();
    const finish: MessageFinish = {
      ...finishFields(outcome),
      content: state.content,
      reasoning: state.reasoning,
      usage: state.usage,
      reasoningMs: this.reasoningMs,
    };
    try {
      return this.o.history.finishMessage(this.assistant.id, finish);
    } catch (err) {
      this.o.log(`saving the finished answer failed: ${AppError.from(err).messageKey}; retrying`);
      setTimeout(() => {
        try {
          this.o.history.finishMessage(this.assistant.id, finish);
        } catch {
          // Still failing: the last checkpoint stays, and the next start marks it interrupted.
        }
      }, FINAL_WRITE_RETRY_MS);
      // Windows must still learn the answer ended, from what is in memory.
      return {
        ...this.assistant,
        status: finish.status,
        content: finish.content,
        reasoning: finish.reasoning,
        error: finish.error ?? null,
        usage: finish.usage ?? null,
        finishReason: finish.finishReason ?? null,
        reasoningMs: this.reasoningMs,
        webSearch: state.webSearch ?? this.assistant.webSearch,
        toolSteps: state.toolSteps ?? this.assistant.toolSteps ?? null,
        updatedAt: Date.now(),
      };
    }
  }

  private reasoningEnded(): void {
    if (this.reasoningStarted !== null && this.reasoningMs === null) this.reasoningMs = Date.now() - this.reasoningStarted;
  }

  private changed(state: StreamState): void {
    this.pending = { content: state.content, reasoning: state.reasoning };
    if (!this.timer) this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.write(), Math.max(0, this.o.checkpointMs - (Date.now() - this.lastWrite)));
  }

  private write(): void {
    this.timer = null;
    if (!this.pending) return;
    this.lastWrite = Date.now();
    try {
      this.o.history.checkpoint(this.assistant.id, this.pending.content, this.pending.reasoning);
      this.pending = null;
    } catch (err) {
      this.o.log(`checkpoint failed: ${AppError.from(err).messageKey}`);
      this.schedule();
    }
  }

  /** Like search steps: written at once, so an approval, a result or an error survives a crash. */
  private saveToolSteps(state: StreamState): void {
    if (!state.toolSteps) return;
    try {
      this.o.history.toolSteps.setSteps(this.assistant.id, state.toolSteps);
    } catch (err) {
      this.o.log(`saving tool steps failed: ${AppError.from(err).messageKey}`);
    }
  }

  /** Steps are few and the user watches them: each is written at once, so history shows them after a crash too. */
  private saveSearch(state: StreamState): void {
    if (!state.webSearch) return;
    try {
      this.o.history.setWebSearch(this.assistant.id, state.webSearch);
    } catch (err) {
      this.o.log(`saving search steps failed: ${AppError.from(err).messageKey}`);
    }
  }
}

function finishFields(outcome: StreamOutcome): Pick<MessageFinish, 'status' | 'error' | 'finishReason'> {
  switch (outcome.status) {
    case 'done':
      return { status: 'done', error: null, finishReason: outcome.finishReason };
    case 'stopped':
      return { status: 'stopped', error: null };
    case 'interrupted':
      return { status: 'interrupted', error: null };
    case 'error':
      // Stored, then backed up and exported: no echoed key may reach the row.
      return { status: 'error', error: redactError(outcome.error.toJSON()) };
  }
}
