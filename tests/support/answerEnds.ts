import type { Message } from '../../src/shared/domain';
import type { StreamEventEnvelope } from '../../src/shared/streamEvents';

/** Anything that announces stream events: the core's bus, a WebSocket contract client. */
export type StreamSource = (listener: (envelope: StreamEventEnvelope) => void) => unknown;

export interface AnswerEnds {
  /** Resolves with the answer's final row once it ended (also when it ended before this was called). */
  ended(messageId: string, timeoutMs?: number): Promise<Message>;
  /** Every final row seen so far, by message id. */
  readonly all: ReadonlyMap<string, Message>;
  /** Forgets an end, so a Continue of the same message can be awaited. */
  forget(messageId: string): void;
}

/**
 * The one "wait for the answer to end" of the tests. Ends are recorded from the moment this is
 * set up, so an answer that ends before the test asks (a dead server can beat the send's own
 * response) is not missed, and waiting is on the event itself, never a poll.
 */
export function recordAnswerEnds(subscribe: StreamSource): AnswerEnds {
  const all = new Map<string, Message>();
  const waiting = new Map<string, ((m: Message) => void)[]>();
  subscribe(({ messageId, event }) => {
    if (event.type !== 'end') return;
    all.set(messageId, event.message);
    for (const resolve of waiting.get(messageId) ?? []) resolve(event.message);
    waiting.delete(messageId);
  });
  return {
    all,
    forget: (messageId) => void all.delete(messageId),
    ended(messageId, timeoutMs = 10_000) {
      const known = all.get(messageId);
      if (known) return Promise.resolve(known);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`answer ${messageId} did not end within ${timeoutMs} ms`)), timeoutMs);
        const list = waiting.get(messageId) ?? [];
        list.push((m) => {
          clearTimeout(timer);
          resolve(m);
        });
        waiting.set(messageId, list);
      });
    },
  };
}

/** A StreamSource over an EventBus-like `on(listener(name, payload))`. */
export function busStreams(bus: { on(listener: (name: string, payload: unknown) => void): unknown }): StreamSource {
  return (listener) =>
    bus.on((name, payload) => {
      if (name === 'stream') listener(payload as StreamEventEnvelope);
    });
}

/** Polls `check` until it holds; for state with no event to wait on (a file, a counter). */
export async function waitUntil(check: () => boolean, what = 'the condition', timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
