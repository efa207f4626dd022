/** Pure list updates the controllers apply to state. Each returns a new array. */
import type { Conversation, ConversationOrigin, Message, StreamSnapshot } from '../../../shared/domain';
import type { ChatController } from './ChatController';
import type { AppStore } from './store';

export { FIRST_LIST_ROWS } from '../../../shared/firstScreen';

/** Pinned first, then newest first: the sidebar order. */
export function sortConversations(list: readonly Conversation[]): Conversation[] {
  return [...list].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt || b.createdAt - a.createdAt,
  );
}

export function upsertConversation(list: readonly Conversation[], next: Conversation): Conversation[] {
  const index = list.findIndex((c) => c.id === next.id);
  if (index >= 0 && list[index]!.updatedAt === next.updatedAt && list[index]!.pinned === next.pinned) {
    const copy = list.slice();
    copy[index] = next;
    return copy;
  }
  return sortConversations([...list.filter((c) => c.id !== next.id), next]);
}

/**
 * After `chat.send` resolves: the user message and the assistant row go last, in that order.
 * Stream events may have created the assistant row already, with text the response lacks,
 * so an existing row wins.
 */
export function mergeSent(list: readonly Message[], user: Message, assistant: Message): Message[] {
  const existing = list.find((m) => m.id === assistant.id);
  const rest = list.filter((m) => m.id !== user.id && m.id !== assistant.id);
  return [...rest, user, existing ?? assistant];
}

/**
 * `chat.retry` answers again as a sibling branch: the visible branch now ends with the new
 * answer in place of the old one (anything after the old one belonged to the old branch).
 */
export function mergeRetried(list: readonly Message[], oldId: string, next: Message): Message[] {
  const index = list.findIndex((m) => m.id === oldId);
  const existing = list.find((m) => m.id === next.id);
  const base = index >= 0 ? list.slice(0, index) : list.filter((m) => m.id !== next.id);
  return [...base.filter((m) => m.id !== next.id), existing ?? next];
}

/**
 * `chat.edit` makes the new question a sibling of `oldId`: the visible branch now ends with it
 * and its answer (the old question and everything after it belonged to the other branch).
 */
export function mergeEdited(list: readonly Message[], oldId: string, user: Message, assistant: Message): Message[] {
  const index = list.findIndex((m) => m.id === oldId);
  const existing = list.find((m) => m.id === assistant.id);
  const base = (index >= 0 ? list.slice(0, index) : list).filter((m) => m.id !== user.id && m.id !== assistant.id);
  return [...base, user, existing ? { ...existing, branch: existing.branch ?? assistant.branch } : assistant];
}

/** Late attach: the buffered text replaces whatever checkpoint the history returned. */
export function applySnapshot(list: readonly Message[], snapshot: StreamSnapshot): Message[] {
  const index = list.findIndex((m) => m.id === snapshot.messageId);
  if (index < 0) return list.slice();
  const copy = list.slice();
  const webSearch = snapshot.webSearch === undefined ? list[index]!.webSearch : snapshot.webSearch;
  const toolSteps = snapshot.toolSteps === undefined ? list[index]!.toolSteps : snapshot.toolSteps;
  copy[index] = { ...list[index]!, content: snapshot.content, reasoning: snapshot.reasoning, webSearch, toolSteps, status: 'streaming' };
  return copy;
}

/** The assistant message still streaming, if any (the one Stop applies to, the one to attach to). */
export function streamingMessage(list: readonly Message[]): Message | undefined {
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list[i]!;
    if (m.role === 'assistant' && m.status === 'streaming') return m;
  }
  return undefined;
}

/** The untouched "New chat" reuseEmptyChat would try: the open one if it is empty, else an untitled one of this kind. */
export function emptyChatCandidate(store: AppStore, origin: ConversationOrigin): Conversation | null {
  const { conversations, activeId, messages } = store.getState();
  return (
    conversations.find((c) => c.id === activeId && c.title === '' && messages?.conversationId === activeId && messages.list.length === 0) ??
    conversations.find((c) => c.title === '' && c.origin === origin && !c.pinned && !c.archived) ??
    null
  );
}

/**
 * "New chat" while an untouched one exists (no title yet, not pinned or archived): open that one
 * instead. The title alone is only a hint (the first message names a chat), so the opened list
 * decides; null when there is none or it turned out to have messages.
 */
export async function reuseEmptyChat(store: AppStore, chat: ChatController, origin: ConversationOrigin): Promise<Conversation | null> {
  const candidate = emptyChatCandidate(store, origin);
  if (!candidate) return null;
  if (candidate.id !== store.getState().activeId) await chat.open(candidate.id);
  const shown = store.getState().messages;
  return shown?.conversationId === candidate.id && shown.list.length === 0 ? candidate : null;
}
