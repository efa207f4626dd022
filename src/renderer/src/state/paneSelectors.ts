import type { Message } from '../../../shared/domain';
import { streamingMessage } from './listOps';
import type { AppState } from './store';

/**
 * What the conversation pane and the quick-ask window subscribe to. A streamed delta replaces
 * the message list many times a second; the pane (header, composer) and the quick-ask window
 * (top bar, actions, question box) select only values a delta cannot change, so only the list
 * re-renders while an answer streams (issue #12.4).
 */

/** The active conversation's messages, or null while they load. */
export function activeList(s: AppState): readonly Message[] | null {
  return s.messages && s.messages.conversationId === s.activeId ? s.messages.list : null;
}

export type PaneContent = 'loading' | 'empty' | 'messages';

export function paneContent(s: AppState): PaneContent {
  const list = activeList(s);
  return list === null ? 'loading' : list.length > 0 ? 'messages' : 'empty';
}

/** An answer is streaming in the active conversation. */
export function paneStreaming(s: AppState): boolean {
  const list = activeList(s);
  return list !== null && streamingMessage(list) !== undefined;
}
