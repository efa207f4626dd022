import type { AppErrorData } from './errors';
import type { Message, Usage } from './domain';

/**
 * What a window hears about one assistant message while it streams. Deltas are batched in
 * main (about one per animation frame), so `text`/`reasoning` carry whatever arrived since
 * the previous event.
 */
export type StreamEvent =
  | { type: 'start'; message: Message }
  | { type: 'delta'; text: string; reasoning: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'end'; message: Message };

export interface StreamEventEnvelope {
  conversationId: string;
  messageId: string;
  event: StreamEvent;
}

export type EndStatus = 'done' | 'stopped' | 'error';

export function isEndEvent(e: StreamEvent): e is Extract<StreamEvent, { type: 'end' }> {
  return e.type === 'end';
}

export type { AppErrorData };
