import { describe, expect, it } from 'vitest';
import { mergeSettings } from '../../../src/main/core/api/handlers';
import { defaultSettings, SettingsRepository } from '../../../src/main/core/settings/settingsState';

describe('settings', () => {
  it('merges the quickAsk group field by field and ignores undefined', () => {
    const base = defaultSettings('linux');
    const next = mergeSettings(base, { theme: 'dark', quickAsk: { model: 'fast-1' }, language: undefined });
    expect(next).toEqual({ ...base, theme: 'dark', quickAsk: { ...base.quickAsk, model: 'fast-1' } });
  });

  it('reads an old or hand-edited file field by field, keeping what is valid', () => {
    const backend = { store: { settings: { language: 'zh-CN', theme: 'purple', quickAsk: { shortcut: 'Space' } }, providers: 'nope' } as Record<string, unknown> };
    const state = new SettingsRepository(backend).read();
    expect(state.settings.language).toBe('zh-CN');
    expect(state.settings.theme).toBe('system');
    expect(state.settings.quickAsk.shortcut).toBe(defaultSettings().quickAsk.shortcut);
    expect(state.settings.closeToTray).toBe(true);
    expect(state.providers).toEqual([]);
  });

  it('keeps the live feed and local API off by default, merges their groups, and repairs a bad port', () => {
    const base = defaultSettings('linux');
    expect(base.localFeed).toEqual({ enabled: false, port: null, assistantName: 'assistant' });
    expect(base.localApi).toEqual({ enabled: false, port: null, saveToHistory: false });
    const next = mergeSettings(base, { localFeed: { enabled: true }, localApi: { port: 8123 } });
    expect(next.localFeed).toEqual({ enabled: true, port: null, assistantName: 'assistant' });
    expect(next.localApi).toEqual({ enabled: false, port: 8123, saveToHistory: false });
    const backend = { store: { settings: { localFeed: { enabled: true, port: 80 }, localApi: 'broken' } } as Record<string, unknown> };
    const read = new SettingsRepository(backend).read().settings;
    expect(read.localFeed).toEqual({ enabled: true, port: null, assistantName: 'assistant' });
    expect(read.localApi).toEqual(base.localApi);
  });
});
