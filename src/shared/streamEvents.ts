import type { AppErrorData } from './errors';
import type { Message, Usage } from './domain';
import type { WebSearchStep, WebSource } from './webSearch';

/**
 * What a window hears about one assistant message while it streams. Deltas are batched in
 * main (about one per animation frame), so `text`/`reasoning` carry whatever arrived since
 * the previous event.
 */
export type StreamEvent =
  | { type: 'start'; message: Message }
  | { type: 'delta'; text: string; reasoning: string }
  | { type: 'usage'; usage: Usage }
  /**
   * A web-search step began or changed (same `step.id`: replace it). Sent at once, never
   * batched, before any answer text. A live feed maps it to
   * `{"type":"web_search","data":{"type":"update","message":<step.kind>,"args":step.args}}`.
   */
  | { type: 'search.step'; step: WebSearchStep }
  /**
   * A source the answer may cite as [source.n]. A live feed maps it to
   * `{"type":"web_search","data":{"type":"result","id":source.url}}`.
   */
  | { type: 'search.source'; source: WebSource }
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
