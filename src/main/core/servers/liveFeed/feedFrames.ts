/**
 * What a live-feed subscriber receives for each core event, in the community format
 * documented in docs/live-feed.md: the one place Brook's stream events are renamed. Pure: the
 * same events the windows get go in (batched text, so subscribers see it as the user does),
 * frames come out.
 */
import { DEFAULT_FEED_ASSISTANT_NAME, type EventName, type Events } from '../../../../shared/contract';
import type { AppErrorData } from '../../../../shared/errors';
import type { ToolStep } from '../../../../shared/toolCalls';
import type { WebSearchStep, WebSearchStepKind } from '../../../../shared/webSearch';

/**
 * `status` is in every frame: true when the frame closes something (your message, the whole
 * answer, a failed turn), false while more of the same answer is coming. `user` names who speaks:
 * "user", or the assistant name from settings ("assistant" unless set, e.g. "Open-Assistant").
 */
export type FeedFrame =
  | {
      type: 'text';
      status: boolean;
      msg: string;
      user: string;
      conversation_id: string;
      /** Brook's extension, on the user's message: the files sent with it, by name and type — never their bytes. */
      attachments?: { name: string; type: string }[];
    }
  /** Brook's extension: the model's thinking, kept apart from the answer text. */
  | { type: 'reasoning'; status: boolean; msg: string; user: string; conversation_id: string }
  | {
      type: 'web_search';
      status: false;
      data: { type: 'update'; message: string; args: string[] } | { type: 'result'; id: string };
      conversation_id: string;
    }
  /** Brook's extension, shaped like `web_search`: a tool call's step. `args` = [server, tool, arguments]. */
  | { type: 'tool'; status: false; data: { type: 'update'; message: string; args: string[] }; conversation_id: string }
  | { type: 'error'; status: true; msg: string; user: string; conversation_id: string };

export function feedFrames<E extends EventName>(
  name: E,
  payload: Events[E],
  translateError: (error: AppErrorData) => string,
  assistant = DEFAULT_FEED_ASSISTANT_NAME,
): FeedFrame[] {
  if (name === 'chat.userMessage') {
    const message = payload as Events['chat.userMessage'];
    const attachments = message.attachments?.map((a) => ({ name: a.name, type: a.mime }));
    return [
      {
        type: 'text',
        status: true,
        msg: message.content,
        user: 'user',
        conversation_id: message.conversationId,
        ...(attachments?.length ? { attachments } : {}),
      },
    ];
  }
  if (name !== 'stream') return [];
  const { conversationId: conversation_id, event } = payload as Events['stream'];
  switch (event.type) {
    case 'reasoning':
      return event.text ? [{ type: 'reasoning', status: false, msg: event.text, user: assistant, conversation_id }] : [];
    case 'text':
      return event.text ? [{ type: 'text', status: false, msg: event.text, user: assistant, conversation_id }] : [];
    case 'search.step': {
      const message = stepMessage(event.step);
      return message ? [{ type: 'web_search', status: false, data: { type: 'update', message, args: event.step.args }, conversation_id }] : [];
    }
    case 'search.source':
      return [{ type: 'web_search', status: false, data: { type: 'result', id: event.source.url }, conversation_id }];
    case 'tool.step': {
      const message = toolStepMessage(event.step);
      const { serverName, tool, arguments: args } = event.step;
      return message ? [{ type: 'tool', status: false, data: { type: 'update', message, args: [serverName, tool, args] }, conversation_id }] : [];
    }
    case 'end': {
      const { message } = event;
      if (message.status === 'error') {
        const error: AppErrorData = message.error ?? { code: 'internal', messageKey: 'errors.internal', retryable: true };
        return [{ type: 'error', status: true, msg: translateError(error), user: assistant, conversation_id }];
      }
      // Done, stopped or cut short: the answer is as complete as it will get.
      const frames: FeedFrame[] = [];
      if (message.reasoning) frames.push({ type: 'reasoning', status: true, msg: message.reasoning, user: assistant, conversation_id });
      frames.push({ type: 'text', status: true, msg: message.content, user: assistant, conversation_id });
      return frames;
    }
    case 'start':
    case 'usage':
      return [];
  }
}

/** HuggingChat's words for the steps, which feed readers already know. */
const STEP_MESSAGES: Record<WebSearchStepKind, string> = {
  queries: 'Generating search query',
  search: 'Searching',
  read: 'Browsing results',
  compose: 'Extracting relevant information',
};

/**
 * A step arrives when it starts and again with its outcome: readers get one update when it
 * starts, and another only if it failed or was skipped (a finished step needs no news).
 */
function stepMessage(step: WebSearchStep): string | null {
  const label = STEP_MESSAGES[step.kind];
  if (step.status === 'running') return label;
  if (step.status === 'failed') return `${label} failed`;
  if (step.status === 'skipped') return `${label} skipped`;
  return null;
}

/** One update per change of a tool step's status; progress of a running call is not news to a reader. */
function toolStepMessage(step: ToolStep): string | null {
  switch (step.status) {
    case 'waiting':
      return `Waiting for approval to call ${step.tool}`;
    case 'running':
      return step.progress ? null : `Calling ${step.tool}`;
    case 'done':
      return `Called ${step.tool}${step.durationMs === null ? '' : ` (${step.durationMs} ms)`}`;
    case 'error':
      return `${step.tool} failed`;
    case 'denied':
      return `${step.tool} call denied`;
    case 'stopped':
      return `${step.tool} call stopped`;
    case 'skipped':
      return `${step.tool} not called`;
  }
}
