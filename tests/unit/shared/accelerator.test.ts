import { describe, expect, it } from 'vitest';
import { defaultQuickAskShortcut, isValidAccelerator } from '../../../src/shared/accelerator';

describe('isValidAccelerator', () => {
  it.each([
    ['CommandOrControl+Shift+Space', true],
    ['Option+Space', true],
    ['Alt+F4', true],
    ['Ctrl+Shift+K', true],
    ['Ctrl+/', true],
    ['Space', false], // a bare key would be stolen from every app
    ['Shift+A', false], // that is a capital A everywhere else
    ['Shift+F5', true],
    ['Ctrl+', false],
    ['Ctrl+Ctrl+K', false],
    ['Hyper+K', false],
    ['Ctrl+Shift+k', false],
    ['', false],
  ])('%s → %s', (value, ok) => {
    expect(isValidAccelerator(value)).toBe(ok);
  });

  it('defaults are valid on every platform', () => {
    for (const p of ['darwin', 'win32', 'linux']) expect(isValidAccelerator(defaultQuickAskShortcut(p))).toBe(true);
  });
});
