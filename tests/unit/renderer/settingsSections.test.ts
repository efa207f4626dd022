import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { SETTINGS_SECTION_IDS, settingsSectionForError } from '../../../src/renderer/src/state/settingsSections';
import { AppController } from '../../../src/renderer/src/state/AppController';
import { initialState, Store, type AppState } from '../../../src/renderer/src/state/store';
import { fakeClient } from './support/fakeClient';

describe('settings sections', () => {
  it('sends each error to the section that holds its fix', () => {
    const data = (code: ConstructorParameters<typeof AppError>[0], messageKey?: string) => new AppError(code, { messageKey }).toJSON();
    expect(settingsSectionForError(data('auth'))).toBe('providers');
    expect(settingsSectionForError(data('bad_request', 'errors.noProvider'))).toBe('providers');
    expect(settingsSectionForError(data('bad_request', 'errors.searchUrlMissing'))).toBe('webSearch');
    expect(settingsSectionForError(data('bad_request', 'errors.searchKeyMissing'))).toBe('webSearch');
    expect(settingsSectionForError(data('bad_request', 'errors.portInUse'))).toBe('local');
    // Fixed under the chat's Parameters, though its code is bad_request.
    expect(settingsSectionForError(data('bad_request', 'errors.paramOutOfRange'))).toBeNull();
    // Settings cannot help with a busy provider.
    expect(settingsSectionForError(data('rate_limit'))).toBeNull();
    expect(settingsSectionForError(data('network'))).toBeNull();
  });

  it('opens at the asked-for section, else where the page was left', () => {
    const store = new Store<AppState>(initialState);
    const app = new AppController(fakeClient({}).client, store, (cb) => cb());
    expect(SETTINGS_SECTION_IDS).toContain(store.getState().settingsSection);
    app.openSettings('webSearch');
    expect(store.getState()).toMatchObject({ settingsOpen: true, settingsSection: 'webSearch' });
    app.showSettingsSection('data');
    app.closeSettings();
    app.openSettings();
    expect(store.getState()).toMatchObject({ settingsOpen: true, settingsSection: 'data' });
  });
});
