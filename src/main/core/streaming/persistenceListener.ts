import type { Message } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { EventBus } from '../base';
import type { HistoryStore, MessageFinish } from '../history';
import type { StreamListener, StreamOutcome, StreamState } from './StreamManager';

const FINAL_WRITE_RETRY_MS = 1000;

export interface PersistenceOptions {
  history: HistoryStore;
  bus: EventBus;
  log: (message: string) => void;
  /** At most this long between writes of streamed text: a crash loses no more. */
  checkpointMs: number;
}

/**
 * Keeps the assistant row current while it streams and finishes it when the stream ends,
 * then tells every window. Write failures (a full or busy disk) are logged and retried, never
 * thrown into the stream.
 */
export function persistenceListener(o: PersistenceOptions, assistant: Message): StreamListener {
  const messageId = assistant.id;
  let lastWrite = Date.now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { content: string; reasoning: string } | null = null;
  // The Thinking block shows how long the model reasoned: first reasoning to first answer text.
  let reasoningStarted: number | null = null;
  let reasoningMs: number | null = null;

  const schedule = () => {
    timer = setTimeout(write, Math.max(0, o.checkpointMs - (Date.now() - lastWrite)));
  };
  const write = () => {
    timer = null;
    if (!pending) return;
    lastWrite = Date.now();
    try {
      o.history.checkpoint(messageId, pending.content, pending.reasoning);
      pending = null;
    } catch (err) {
      o.log(`checkpoint failed: ${AppError.from(err).messageKey}`);
      schedule();
    }
  };
  const onChange = (state: { content: string; reasoning: string }) => {
    pending = { content: state.content, reasoning: state.reasoning };
    if (!timer) schedule();
  };

  // Steps are few and the user watches them: each is written at once, so history shows them after a crash too.
  const saveSearch = (state: StreamState) => {
    if (!state.webSearch) return;
    try {
      o.history.setWebSearch(messageId, state.webSearch);
    } catch (err) {
      o.log(`saving search steps failed: ${AppError.from(err).messageKey}`);
    }
  };

  return {
    onSearchStep: (_, state) => saveSearch(state),
    onSearchSource: (_, state) => saveSearch(state),
    onReasoning: (_, state) => {
      reasoningStarted ??= Date.now();
      onChange(state);
    },
    onText: (_, state) => {
      if (reasoningStarted !== null && reasoningMs === null) reasoningMs = Date.now() - reasoningStarted;
      onChange(state);
    },
    onEnd: (outcome, state) => {
      if (timer) clearTimeout(timer);
      if (reasoningStarted !== null && reasoningMs === null) reasoningMs = Date.now() - reasoningStarted;
      const finish: MessageFinish = {
        ...finishFields(outcome),
        content: state.content,
        reasoning: state.reasoning,
        usage: state.usage,
        reasoningMs,
      };
      let message: Message;
      try {
        message = o.history.finishMessage(messageId, finish);
      } catch (err) {
        o.log(`saving the finished answer failed: ${AppError.from(err).messageKey}; retrying`);
        setTimeout(() => {
          try {
            o.history.finishMessage(messageId, finish);
          } catch {
            // Still failing: the last checkpoint stays, and the next start marks it interrupted.
          }
        }, FINAL_WRITE_RETRY_MS);
        // Windows must still learn the answer ended, from what is in memory.
        message = {
          ...assistant,
          status: finish.status,
          content: finish.content,
          reasoning: finish.reasoning,
          error: finish.error ?? null,
          usage: finish.usage ?? null,
          finishReason: finish.finishReason ?? null,
          reasoningMs,
          webSearch: state.webSearch ?? assistant.webSearch,
          updatedAt: Date.now(),
        };
      }
      o.bus.emit('stream', { conversationId: state.conversationId, messageId, event: { type: 'end', message } });
    },
  };
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
      return { status: 'error', error: outcome.error.toJSON() };
  }
}
