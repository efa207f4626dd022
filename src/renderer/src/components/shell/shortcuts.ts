/** The main window's keyboard shortcuts: one list drives both the key handler and the shortcuts sheet. */

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export type ShortcutId = 'newChat' | 'settings' | 'search' | 'copyLast' | 'editLast' | 'shortcuts' | 'stop' | 'send' | 'newLine';

export interface Shortcut {
  id: ShortcutId;
  /** Keys after the primary modifier (Ctrl, or Cmd on macOS); null for keys pressed alone. */
  mod: boolean;
  shift?: boolean;
  key: string;
}

/** In the order the sheet lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'newChat', mod: true, key: 'N' },
  { id: 'search', mod: true, key: 'K' },
  { id: 'settings', mod: true, key: ',' },
  { id: 'copyLast', mod: true, shift: true, key: 'C' },
  { id: 'editLast', mod: true, key: '↑' },
  { id: 'shortcuts', mod: true, key: '/' },
  { id: 'send', mod: false, key: 'Enter' },
  { id: 'newLine', mod: false, shift: true, key: 'Enter' },
  { id: 'stop', mod: false, key: 'Esc' },
];

/** "Ctrl K" here, "⌘K" on macOS. */
export function shortcutLabel(key: string, options: { mod?: boolean; shift?: boolean } = {}): string {
  const { mod = true, shift = false } = options;
  if (IS_MAC) return `${mod ? '⌘' : ''}${shift ? '⇧' : ''}${key}`;
  return [mod ? 'Ctrl' : '', shift ? 'Shift' : '', key].filter(Boolean).join(IS_MAC ? '' : ' ');
}

/** Which shortcut a key press is (only those held with Ctrl/Cmd are global), or null. */
export function matchShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac = IS_MAC): ShortcutId | null {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod || e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.shiftKey) return key === 'c' ? 'copyLast' : null;
  switch (key) {
    case 'n':
      return 'newChat';
    case 'k':
      return 'search';
    case ',':
      return 'settings';
    case '/':
      return 'shortcuts';
    case 'ArrowUp':
      return 'editLast';
    default:
      return null;
  }
}
