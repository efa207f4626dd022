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
