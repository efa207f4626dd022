import { lazy } from 'react';

/**
 * The views the first paint does not need, in their own chunks so the window shows the
 * conversation list before it has parsed them (issue #13, cold start). The conversation pane
 * carries the whole markdown and highlighting stack; it starts loading at once, beside the first
 * requests to the core, and is usually there before the list is. The dialogs load when the
 * window is idle, so opening one later does not wait for the network or the parser.
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

/** Starts every chunk's download: the pane now, the dialogs once the window is idle. */
export function preloadViews(): void {
  if (started) return;
  started = true;
  void loadPane();
  const later = () => void Promise.all([loadSettings(), loadSearch(), loadShortcuts()]);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(later, { timeout: 2000 });
  else setTimeout(later, 200);
}
