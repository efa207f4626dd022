import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../../src/renderer/src/i18n/resolveLanguage';

describe('resolveLanguage', () => {
  it('uses the setting when it names a language', () => {
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
  });

  it('follows the system for "system"', () => {
    expect(resolveLanguage('system', ['zh-CN'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-Hans-CN'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-TW'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['en-GB'])).toBe('en');
    expect(resolveLanguage(undefined, ['fr-FR', 'zh-CN'])).toBe('zh-CN');
  });

  it('falls back to English', () => {
    expect(resolveLanguage('system', ['fr-FR', 'de'])).toBe('en');
    expect(resolveLanguage('system', [])).toBe('en');
  });
});
