import type { Message } from '../../../shared/domain';

/**
 * Keyboard commands aimed at one message (Ctrl/Cmd+↑ edits the last question). The message row
 * owns its edit state, so it listens here for its own id.
 */
type Listener = (messageId: string) => void;
const editListeners = new Set<Listener>();

export function onEditRequest(listener: Listener): () => void {
  editListeners.add(listener);
  return () => editListeners.delete(listener);
}

export function requestEdit(messageId: string): void {
  for (const listener of editListeners) listener(messageId);
}

/** The last finished answer and the last question of the visible branch, for the shortcuts. */
export function lastOf(list: readonly Message[] | undefined, role: Message['role']): Message | null {
  if (!list) return null;
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list[i]!;
    if (m.role === role && (role === 'user' || m.status === 'done' || m.content !== '')) return m;
  }
  return null;
}
