import type { Message } from '../../../../src/shared/domain';
import { initialState, type AppState } from '../../../../src/renderer/src/state/store';

/** A finished assistant message in conversation c1, with `patch` on top. */
export function msg(id: string, patch: Partial<Message>): Message {
  return {
    id, conversationId: 'c1', parentId: null, role: 'assistant', content: '', reasoning: '', status: 'done', error: null,
    providerId: null, model: null, usage: null, context: null, finishReason: null, reasoningMs: null, webSearch: null,
    createdAt: 1, updatedAt: 1, ...patch,
  };
}

/** The app's state with conversation c1 open and showing `list`. */
export const withList = (list: readonly Message[]): AppState => ({ ...initialState, activeId: 'c1', messages: { conversationId: 'c1', list } });
