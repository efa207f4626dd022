import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../src/shared/domain';
import { SettingsController } from '../../../src/renderer/src/state/SettingsController';
import { initialState, Store, type AppState } from '../../../src/renderer/src/state/store';
import { deferred, fakeClient, SETTINGS } from './support/fakeClient';

describe('SettingsController.updateSettings', () => {
  it('never lets an older write’s answer undo a newer change the user already sees', async () => {
    const answers = [deferred<Settings>(), deferred<Settings>()];
    let call = 0;
    const { client } = fakeClient({ 'settings.update': () => answers[call++]!.promise });
    const store = new Store<AppState>({ ...initialState, settings: SETTINGS });
    const settings = new SettingsController(client, store);

    const first = settings.updateSettings({ theme: 'dark' });
    const second = settings.updateSettings({ language: 'zh-CN' });
    expect(store.getState().settings).toMatchObject({ theme: 'dark', language: 'zh-CN' });

    // The server saved the first patch only when it answered the first write.
    answers[0]!.resolve({ ...SETTINGS, theme: 'dark' });
    await first;
    expect(store.getState().settings).toMatchObject({ theme: 'dark', language: 'zh-CN' });

    answers[1]!.resolve({ ...SETTINGS, theme: 'dark', language: 'zh-CN' });
    await second;
    expect(store.getState().settings).toMatchObject({ theme: 'dark', language: 'zh-CN' });
  });
});

describe('SettingsController.saveSettings (an address field)', () => {
  const URL = 'http://127.0.0.1:8888';

  it('shows the address at once, and its answer does not undo a checkbox changed after it', async () => {
    const answers = [deferred<Settings>(), deferred<Settings>()];
    let call = 0;
    const { client } = fakeClient({ 'settings.update': () => answers[call++]!.promise });
    const store = new Store<AppState>({ ...initialState, settings: SETTINGS });
    const settings = new SettingsController(client, store);

    // Enter in the SearXNG field, then the private-pages checkbox, before either is answered.
    const address = settings.saveSettings({ webSearch: { backend: 'searxng', searxngUrl: URL } });
    expect(store.getState().settings?.webSearch).toMatchObject({ backend: 'searxng', searxngUrl: URL });
    const checkbox = settings.updateSettings({ webSearch: { readPrivatePages: true } });

    // The core answered the address before it had the checkbox.
    answers[0]!.resolve({ ...SETTINGS, webSearch: { ...SETTINGS.webSearch, backend: 'searxng', searxngUrl: URL } });
    await address;
    expect(store.getState().settings?.webSearch).toMatchObject({ searxngUrl: URL, readPrivatePages: true });

    answers[1]!.resolve({ ...SETTINGS, webSearch: { ...SETTINGS.webSearch, backend: 'searxng', searxngUrl: URL, readPrivatePages: true } });
    await checkbox;
    expect(store.getState().settings?.webSearch).toMatchObject({ searxngUrl: URL, readPrivatePages: true });
  });

  it('a refused address is thrown for the field to show, and the saved settings come back', async () => {
    const { client } = fakeClient({ 'settings.update': () => Promise.reject(new Error('not an address')) });
    const store = new Store<AppState>({ ...initialState, settings: SETTINGS });
    const settings = new SettingsController(client, store);

    await expect(settings.saveSettings({ webSearch: { searxngUrl: 'ftp://nope' } })).rejects.toThrow('not an address');
    expect(store.getState().settings).toEqual(SETTINGS);
    // The field shows the reason; no notice is raised as well.
    expect(store.getState().notice).toBe(initialState.notice);
  });
});
