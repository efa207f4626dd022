/**
 * The Tools switch flipped before a new chat exists: held here and saved as the conversation's
 * selection right after it is created, before its first message is sent.
 */
let pending: boolean | null = null;

export const newChatTools = {
  get: (): boolean | null => pending,
  set(on: boolean | null): void {
    pending = on;
  },
  /** The pending choice, once. */
  take(): boolean | null {
    const value = pending;
    pending = null;
    return value;
  },
};
