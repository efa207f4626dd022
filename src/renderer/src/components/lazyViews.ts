import { lazy } from 'react';

/**
 * The views the first paint does not need, in their own chunks so the window shows the
 * conversation list before it has parsed them (issue #13, cold start). The conversation pane
 * carries the whole markdown and highlighting stack: evaluated while the first answers from the
 * core were arriving, it held them up by a few hundred milliseconds on a busy machine, so it
 * loads when the pane is first drawn, or once the window is idle after the first paint. The
 * dialogs load when the window is idle too, so opening one later does not wait for the parser.
 */
const loadPane = () => import('./ConversationPane');
const loadSettings = () => import('./settings/SettingsDialog');
const loadSearch = () => import('./search/SearchDialog');
const loadShortcuts = () => import('./shell/ShortcutsSheet');

export const ConversationPane = lazy(() => loadPane().then((m) => ({ default: m.ConversationPane })));
export const SettingsDialog = lazy(() => loadSettings().then((m) => ({ default: m.SettingsDialog })));
export const SearchDialog = lazy(() => loadSearch().then((m) => ({ default: m.SearchDialog })));
export const ShortcutsSheet = lazy(() => loadShortcuts().then((m) => ({ default: m.ShortcutsSheet })));

let started = false;

/** Loads every view's chunk once the window is idle: call it after the first paint. */
export function preloadViews(): void {
  if (started) return;
  started = true;
  const later = () => void Promise.all([loadPane(), loadSettings(), loadSearch(), loadShortcuts()]);
  // Idle time asked for from the next frame's callback is after that frame: asked for at once,
  // it could come before the frame that first shows the list, and compiling the chunks held it back.
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(later, { timeout: 2000 });
    else setTimeout(later, 200);
  });
}
