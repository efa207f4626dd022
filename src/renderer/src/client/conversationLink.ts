import { hashWithoutParam, readHashParam } from './tokenFragment';

/** `#conversation=<id>`: how the quick view hands a conversation to the main view in browser mode. */
export const CONVERSATION_FRAGMENT_KEY = 'conversation';

/** Reads the conversation to open from the address bar and removes it there. */
export function takeConversationFromUrl(): string | null {
  const { pathname, search, hash } = window.location;
  const id = readHashParam(hash, CONVERSATION_FRAGMENT_KEY);
  if (id !== null) {
    window.history.replaceState(window.history.state, '', pathname + search + hashWithoutParam(hash, CONVERSATION_FRAGMENT_KEY));
  }
  return id;
}

/** The main view (index.html beside quick.html) showing one conversation; the token stays in sessionStorage. */
export function mainViewHref(conversationId: string): string {
  return `./#${CONVERSATION_FRAGMENT_KEY}=${encodeURIComponent(conversationId)}`;
}
