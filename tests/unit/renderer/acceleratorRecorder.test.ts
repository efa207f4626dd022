import { describe, expect, it } from 'vitest';
import { isValidAccelerator } from '../../../src/shared/accelerator';
import {
  formatAccelerator,
  keyName,
  recordAccelerator,
  type KeyPress,
} from '../../../src/renderer/src/state/acceleratorRecorder';

function press(code: string, mods: Partial<Omit<KeyPress, 'code'>> = {}): KeyPress {
  return { key: mods.key ?? code, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}

describe('recordAccelerator', () => {
  it('builds an accelerator from modifiers and the physical key', () => {
    expect(recordAccelerator(press('Space', { ctrlKey: true, shiftKey: true, key: ' ' }), 'other')).toEqual({
      kind: 'done',
      accelerator: 'CommandOrControl+Shift+Space',
    });
    expect(recordAccelerator(press('KeyK', { altKey: true, key: 'k' }), 'other')).toEqual({ kind: 'done', accelerator: 'Alt+K' });
    // Shift+1 types "!" but the accelerator names the key.
    expect(recordAccelerator(press('Digit1', { ctrlKey: true, shiftKey: true, key: '!' }), 'other')).toEqual({
      kind: 'done',
      accelerator: 'CommandOrControl+Shift+1',
    });
    expect(recordAccelerator(press('F7', { metaKey: true }), 'other')).toEqual({ kind: 'done', accelerator: 'Super+F7' });
  });

  it('uses ⌘ as CommandOrControl on macOS, Control and Option as such', () => {
    expect(recordAccelerator(press('Space', { altKey: true, key: ' ' }), 'mac')).toEqual({ kind: 'done', accelerator: 'Option+Space' });
    expect(recordAccelerator(press('KeyJ', { metaKey: true, ctrlKey: true, key: 'j' }), 'mac')).toEqual({
      kind: 'done',
      accelerator: 'CommandOrControl+Control+J',
    });
  });

  it('waits while only modifiers are held', () => {
    expect(recordAccelerator(press('ControlLeft', { ctrlKey: true, key: 'Control' }), 'other')).toEqual({
      kind: 'pending',
      modifiers: ['CommandOrControl'],
    });
    expect(recordAccelerator(press('ShiftRight', { shiftKey: true, ctrlKey: true, key: 'Shift' }), 'other')).toEqual({
      kind: 'pending',
      modifiers: ['CommandOrControl', 'Shift'],
    });
  });

  it('refuses a bare key, or Shift alone on a typing key', () => {
    expect(recordAccelerator(press('KeyA', { key: 'a' }), 'other')).toMatchObject({ kind: 'invalid', reason: 'needsModifier' });
    expect(recordAccelerator(press('KeyA', { shiftKey: true, key: 'A' }), 'other')).toMatchObject({ kind: 'invalid', reason: 'needsModifier' });
    expect(recordAccelerator(press('Space', { shiftKey: true, key: ' ' }), 'other')).toMatchObject({ kind: 'invalid', reason: 'needsModifier' });
    expect(recordAccelerator(press('F9', { shiftKey: true }), 'other')).toEqual({ kind: 'done', accelerator: 'Shift+F9' });
  });

  it('refuses keys an accelerator cannot name', () => {
    expect(recordAccelerator(press('Numpad5', { ctrlKey: true, key: '5' }), 'other')).toMatchObject({ kind: 'invalid', reason: 'unsupportedKey' });
    expect(recordAccelerator(press('IntlRo', { ctrlKey: true, key: 'ろ' }), 'other')).toMatchObject({ kind: 'invalid', reason: 'unsupportedKey' });
    expect(recordAccelerator(press('CapsLock', { altKey: true }), 'other')).toMatchObject({ kind: 'invalid', reason: 'unsupportedKey' });
  });

  it('everything it accepts is a valid accelerator for the shared check', () => {
    const codes = ['KeyA', 'KeyZ', 'Digit0', 'F1', 'F24', 'Space', 'Enter', 'NumpadEnter', 'ArrowUp', 'PageDown', 'Backquote', 'Minus',
      'Equal', 'BracketLeft', 'BracketRight', 'Semicolon', 'Quote', 'Comma', 'Period', 'Slash', 'Backslash', 'Home', 'Insert', 'Escape'];
    for (const code of codes) {
      for (const mods of [{ ctrlKey: true }, { altKey: true, shiftKey: true }, { metaKey: true, ctrlKey: true, altKey: true }]) {
        for (const platform of ['mac', 'other'] as const) {
          const result = recordAccelerator(press(code, mods), platform);
          expect(result.kind, `${code} ${JSON.stringify(mods)} ${platform}`).toBe('done');
          if (result.kind === 'done') expect(isValidAccelerator(result.accelerator), result.accelerator).toBe(true);
        }
      }
    }
  });
});

describe('keyName', () => {
  it('falls back to the key when there is no code', () => {
    expect(keyName('', 'q')).toBe('Q');
    expect(keyName('', 'é')).toBeNull();
  });
});

describe('formatAccelerator', () => {
  it('reads naturally on each platform', () => {
    expect(formatAccelerator('CommandOrControl+Shift+Space', 'other')).toBe('Ctrl+Shift+Space');
    expect(formatAccelerator('CommandOrControl+Shift+Space', 'mac')).toBe('⌘⇧Space');
    expect(formatAccelerator('Option+Space', 'mac')).toBe('⌥Space');
    expect(formatAccelerator('Option+Space', 'other')).toBe('Alt+Space');
  });
});
