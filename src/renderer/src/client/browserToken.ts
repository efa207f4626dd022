import { WS_PATH } from '../../../shared/wsPaths';
import { hashWithoutToken, readTokenFromHash } from './tokenFragment';

const STORAGE_KEY = 'brook.token';

/**
 * The token arrives once in the URL fragment (never sent to a server or its logs). It is kept
 * in sessionStorage so a reload of this tab still works, and removed from the address bar.
 */
export function takeBrowserToken(): string | null {
  const fromHash = readTokenFromHash(window.location.hash);
  if (fromHash) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromHash);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search + hashWithoutToken(hash));
    return fromHash;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function browserSocketUrl(token: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
}
