import type { Conversation } from '../../../shared/domain';
import type { ToolChoice } from '../../../shared/toolCalls';
import type { RendererClient } from '../client/types';
import { upsertConversation } from './listOps';
import type { AppStore } from './store';

/**
 * The Tools switch flipped, or servers and tools picked, before a new chat exists: held here
 * and saved as the conversation's choice right after it is created, before its first message.
 */
let pending: ToolChoice | null = null;

export const newChatTools = {
  get: (): ToolChoice | null => pending,
  set(choice: ToolChoice | null): void {
    pending = choice;
  },
  /** The pending choice, once. */
  take(): ToolChoice | null {
    const value = pending;
    pending = null;
    return value;
  },
};

/**
 * The Web search and Tools switches flipped while a new chat was being created belong to it:
 * saved before it opens, and again if one is flipped during that save, so none is lost to the
 * creation round trip. Returns the conversation as last saved.
 */
export async function settleNewChatSwitches(client: RendererClient, store: AppStore, conversation: Conversation): Promise<Conversation> {
  let current = conversation;
  for (;;) {
    const webSearch = store.getState().newChatWebSearch;
    const tools = newChatTools.take();
    if (webSearch === null && tools === null) return current;
    if (webSearch !== null) {
      store.setState({ newChatWebSearch: null });
      const saved = await client.request('conversations.setWebSearch', { id: current.id, enabled: webSearch });
      current = saved;
      store.setState((s) => ({ conversations: upsertConversation(s.conversations, saved) }));
    }
    if (tools !== null) await client.request('toolCalls.setSelection', { conversationId: current.id, choice: tools });
  }
}
