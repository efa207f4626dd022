/**
 * The main window draws browser mode's copy of its first screen while the core's own answers are
 * on their way (issue #13, cold start), and never lets the copy replace a real answer.
 */
import { describe, expect, it } from 'vitest';
import type { RequestName } from '../../../src/shared/contract';
import type { AppInfo } from '../../../src/shared/domain';
import type { FirstScreenData } from '../../../src/shared/firstScreen';
import { AppController } from '../../../src/renderer/src/state/AppController';
import { initialState, Store, type AppState } from '../../../src/renderer/src/state/store';
import { conv, deferred, fakeClient, settle, SETTINGS, type Handler } from './support/fakeClient';

const INFO: AppInfo = { mode: 'browser', version: '0', secretStorage: 'file-0600', dataDir: '/tmp', systemLocale: 'en' };

const COPY: FirstScreenData = {
  info: INFO,
  settings: { ...SETTINGS, theme: 'dark' },
  providers: [],
  conversations: [conv('old', { updatedAt: 1 }), conv('kept', { updatedAt: 2, title: '保留的对话' })],
  desktop: { available: false, shortcut: null },
  health: null,
};

function setup() {
  const gate = deferred<void>();
  const answer = (value: unknown): Handler => async () => {
    await gate.promise;
    return value;
  };
  const handlers: Partial<Record<RequestName, Handler>> = {
    'app.info': answer(INFO),
    'settings.get': answer(SETTINGS),
    'providers.list': answer([]),
    'conversations.list': answer([conv('live', { updatedAt: 3 })]),
    'desktop.status': answer({ available: false, shortcut: null }),
    'history.health': answer({ status: 'ok', copyPath: null, detail: null }),
    'assistants.list': async () => [],
    'webSearch.keys': async () => ({ tavily: false, brave: false }),
  };
  const fake = fakeClient(handlers, 'websocket');
  const store = new Store<AppState>(initialState);
  const app = new AppController(fake.client, store, (cb) => cb(), { role: 'main', openMainView: () => {} });
  return { store, app, answerNow: () => gate.resolve() };
}

describe('the first screen from browser mode’s copy', () => {
  it('is drawn before the core answers, in the sidebar’s order, then replaced by the answers', async () => {
    const { store, app, answerNow } = setup();
    const copy = deferred<FirstScreenData | null>();
    app.start(null, copy.promise);
    await settle();
    expect(store.getState().ready).toBe(false);
    copy.resolve(COPY);
    await settle();
    expect(store.getState()).toMatchObject({ ready: true, settings: { theme: 'dark' } });
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['kept', 'old']);
    answerNow();
    await settle();
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['live']);
    expect(store.getState().settings?.theme).toBe('system');
  });

  it('never replaces answers that came first', async () => {
    const { store, app, answerNow } = setup();
    const copy = deferred<FirstScreenData | null>();
    app.start(null, copy.promise);
    answerNow();
    await settle();
    copy.resolve(COPY);
    await settle();
    expect(store.getState().conversations.map((c) => c.id)).toEqual(['live']);
  });

  it('no copy: the window waits for the core, as before', async () => {
    const { store, app, answerNow } = setup();
    app.start(null, Promise.resolve(null));
    await settle();
    expect(store.getState().ready).toBe(false);
    answerNow();
    await settle();
    expect(store.getState().ready).toBe(true);
  });
});
