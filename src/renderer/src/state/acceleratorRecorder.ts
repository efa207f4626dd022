/**
 * Turns a key press into an Electron accelerator (the settings' shortcut recorder). Pure, so
 * it is tested without a browser. Keys come from `code` (the physical key), so Shift+1 is
 * `Shift+1`, not `Shift+!`, and the result does not depend on the keyboard layout.
 */
import { isValidAccelerator } from '../../../shared/accelerator';

export type Platform = 'mac' | 'other';

/** The parts of a KeyboardEvent the recorder reads. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type RecordResult =
  /** Only modifiers are held so far: show them and keep listening. */
  | { kind: 'pending'; modifiers: string[] }
  | { kind: 'done'; accelerator: string }
  /** `needsModifier`: a bare key; `unsupportedKey`: a key an accelerator cannot name. */
  | { kind: 'invalid'; reason: 'needsModifier' | 'unsupportedKey'; modifiers: string[] };

const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS)(Left|Right)?$|^AltGraph$/;

const NAMED_CODES: Readonly<Record<string, string>> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Enter',
  NumpadEnter: 'Enter',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Escape: 'Escape',
  Backquote: '`',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
};

/** The accelerator name of the key itself, or null when it has none we accept. */
export function keyName(code: string, key: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1]!;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  const named = NAMED_CODES[code];
  if (named) return named;
  // No usable code (some virtual keyboards): fall back to a plain letter or digit.
  if (code === '' && /^[a-z0-9]$/i.test(key)) return key.toUpperCase();
  return null;
}

/** CommandOrControl is the platform's main modifier (⌘ on macOS, Ctrl elsewhere), so one setting fits both. */
export function modifiersOf(press: KeyPress, platform: Platform): string[] {
  const out: string[] = [];
  if (platform === 'mac') {
    if (press.metaKey) out.push('CommandOrControl');
    if (press.ctrlKey) out.push('Control');
    if (press.altKey) out.push('Option');
  } else {
    if (press.ctrlKey) out.push('CommandOrControl');
    if (press.altKey) out.push('Alt');
  }
  if (press.shiftKey) out.push('Shift');
  if (platform !== 'mac' && press.metaKey) out.push('Super');
  return out;
}

export function recordAccelerator(press: KeyPress, platform: Platform): RecordResult {
  const modifiers = modifiersOf(press, platform);
  if (MODIFIER_CODES.test(press.code) || ['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'OS'].includes(press.key)) {
    return { kind: 'pending', modifiers };
  }
  const key = keyName(press.code, press.key);
  if (key === null) return { kind: 'invalid', reason: 'unsupportedKey', modifiers };
  // Shift alone would take a capital letter (or a space) from every other application.
  const onlyShift = modifiers.length === 1 && modifiers[0] === 'Shift' && !/^F\d+$/.test(key);
  if (modifiers.length === 0 || onlyShift) return { kind: 'invalid', reason: 'needsModifier', modifiers };
  const accelerator = [...modifiers, key].join('+');
  return isValidAccelerator(accelerator)
    ? { kind: 'done', accelerator }
    : { kind: 'invalid', reason: 'unsupportedKey', modifiers };
}

const MAC_SYMBOLS: Readonly<Record<string, string>> = {
  CommandOrControl: '⌘', CmdOrCtrl: '⌘', Command: '⌘', Cmd: '⌘', Control: '⌃', Ctrl: '⌃',
  Alt: '⌥', Option: '⌥', Shift: '⇧', Super: '⌘', Meta: '⌘',
};
const OTHER_NAMES: Readonly<Record<string, string>> = {
  CommandOrControl: 'Ctrl', CmdOrCtrl: 'Ctrl', Command: 'Super', Cmd: 'Super', Control: 'Ctrl',
  Option: 'Alt', Meta: 'Super',
};

/** How an accelerator reads on this platform: `⌥Space` on macOS, `Ctrl+Shift+Space` elsewhere. */
export function formatAccelerator(accelerator: string, platform: Platform): string {
  const parts = accelerator.split('+').filter((p) => p !== '');
  if (platform === 'mac') return parts.map((p) => MAC_SYMBOLS[p] ?? p).join('');
  return parts.map((p) => OTHER_NAMES[p] ?? p).join('+');
}
