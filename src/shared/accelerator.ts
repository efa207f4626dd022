import { z } from 'zod';

/** Electron accelerator syntax: https://www.electronjs.org/docs/latest/api/accelerator */
const MODIFIERS = [
  'CommandOrControl',
  'CmdOrCtrl',
  'Command',
  'Cmd',
  'Control',
  'Ctrl',
  'Alt',
  'Option',
  'AltGr',
  'Shift',
  'Super',
  'Meta',
] as const;

const NAMED_KEYS = [
  'Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Return', 'Enter', 'Up', 'Down', 'Left', 'Right',
  'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Esc', 'Plus',
];

function isKey(key: string): boolean {
  return /^[A-Z0-9]$/.test(key) || /^F([1-9]|1[0-9]|2[0-4])$/.test(key) || NAMED_KEYS.includes(key) || /^[`\-=[\];',./\\]$/.test(key);
}

/**
 * A global shortcut needs at least one modifier: a bare key would be stolen from every other
 * application.
 */
export function isValidAccelerator(value: string): boolean {
  const parts = value.split('+');
  if (parts.length < 2 || parts.some((p) => p === '')) return false;
  const key = parts[parts.length - 1]!;
  const modifiers = parts.slice(0, -1);
  const known = new Set<string>(MODIFIERS);
  // Shift alone with a typing key is just a capital letter or a symbol in every other app.
  const typingKey = key.length === 1;
  if (typingKey && modifiers.every((m) => m === 'Shift')) return false;
  return modifiers.every((m) => known.has(m)) && new Set(modifiers).size === modifiers.length && isKey(key);
}

export const acceleratorSchema = z.string().max(100).refine(isValidAccelerator, 'not a valid shortcut');

/** Sensible per platform: Option+Space is free on macOS; Alt+Space opens the window menu on Windows. */
export function defaultQuickAskShortcut(platform: string): string {
  return platform === 'darwin' ? 'Option+Space' : 'CommandOrControl+Shift+Space';
}
