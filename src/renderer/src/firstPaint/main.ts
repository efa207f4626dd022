/**
 * Browser mode's first paint (issue #13, cold start): a small script the page runs before the
 * app. It asks the server for the copy of the first screen the last clean quit kept, with the
 * window's token, and draws the sidebar from it with plain DOM calls, so the list is on screen
 * about as soon as the page is, while React and the views are still loading. The app then
 * draws the same thing over it and carries out any click made meanwhile.
 *
 * It never takes the token out of the address bar (the app does); in Electron, with no token,
 * it does nothing.
 */
import { fetchFirstScreen } from '../client/firstScreenFetch';
import { readTokenFromHash } from '../client/tokenFragment';
import { readSidebarCollapsed } from '../state/layoutPrefs';
import { firstPaintView } from './firstPaintView';
import { intend, publishFirstPaint, type FirstPaintHandoff } from './handoff';
import { paintFirstScreen } from './paintFirstScreen';

/** The app's list row is one line; rows past a tall window's height are left to the app. */
const ROW_MIN_PX = 24;

function whenParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('readystatechange', () => resolve(), { once: true }));
}

function start(): void {
  const token = window.brook ? null : readTokenFromHash(window.location.hash);
  if (!token || window.__brookFirstPaint) return;
  const handoff: FirstPaintHandoff = { data: fetchFirstScreen(token), painted: null, pending: null, act: null };
  publishFirstPaint(handoff);
  void Promise.all([handoff.data, whenParsed()]).then(([data]) => {
    const root = document.getElementById('root');
    // The app ran first after all (it takes clicks once it runs): it draws, and this would only flash.
    if (!data || !root || handoff.act !== null || root.childElementCount > 0) return;
    try {
      const view = firstPaintView(data, {
        locales: [...navigator.languages, navigator.language],
        prefersDark: window.matchMedia('(prefers-color-scheme: dark)').matches,
        collapsed: readSidebarCollapsed(),
        maxRows: Math.ceil(window.innerHeight / ROW_MIN_PX) + 2,
      });
      paintFirstScreen(root, view, (intent) => intend(handoff, intent));
      handoff.painted = view.language;
    } catch {
      // A copy this cannot draw is no reason to draw nothing at all: the app draws as it always has.
    }
  });
}

start();
