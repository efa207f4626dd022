import type { AppErrorData } from './errors';
import type { Message, Usage } from './domain';
import type { ToolStep } from './toolCalls';
import type { WebSearchStep, WebSource } from './webSearch';

/**
 * What an answer's source says while it streams, under the same name from the provider to
 * the page: a provider yields these (plus `done`), the StreamManager hands them to its
 * listeners, the window listener sends them to windows and the renderer's reducer applies
 * them. Only the live feed renames them, at its own edge, into its community format.
 */
export type LiveEvent =
  /** A piece of the answer. Windows get these batched: all the text since the previous event. */
  | { type: 'text'; text: string }
  /** A piece of the model's reasoning, kept apart from the answer; batched like `text`. */
  | { type: 'reasoning'; text: string }
  /** At most once per answer, near its end: the whole request's usage. */
  | { type: 'usage'; usage: Usage }
  /** A web-search step began or changed (same `step.id`: replace it). Never batched. */
  | { type: 'search.step'; step: WebSearchStep }
  /** A source the answer may cite as [source.n]. Never batched. */
  | { type: 'search.source'; source: WebSource }
  /** A tool call's step began or changed (same `step.id`: replace it). Never batched. */
  | { type: 'tool.step'; step: ToolStep };

/** What a window hears about one assistant message: its row at the start, live events, its final row. */
export type StreamEvent = { type: 'start'; message: Message } | LiveEvent | { type: 'end'; message: Message };

export interface StreamEventEnvelope {
  conversationId: string;
  messageId: string;
  event: StreamEvent;
}

export type { AppErrorData };
