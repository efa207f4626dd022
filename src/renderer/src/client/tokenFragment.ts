import { TOKEN_FRAGMENT_KEY } from '../../../shared/wsPaths';

function params(hash: string): URLSearchParams {
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
}

/** One parameter of a URL fragment such as `#token=abc&conversation=c1`; blank counts as absent. */
export function readHashParam(hash: string, key: string): string | null {
  const value = params(hash).get(key);
  return value && value.trim() !== '' ? value : null;
}

/** The same fragment without that parameter, so it does not linger in the address bar. */
export function hashWithoutParam(hash: string, key: string): string {
  const rest = params(hash);
  rest.delete(key);
  const text = rest.toString();
  return text === '' ? '' : `#${text}`;
}

/** Reads the access token from a URL fragment such as `#token=abc`. */
export function readTokenFromHash(hash: string): string | null {
  return readHashParam(hash, TOKEN_FRAGMENT_KEY);
}

/** The same fragment without the token. */
export function hashWithoutToken(hash: string): string {
  return hashWithoutParam(hash, TOKEN_FRAGMENT_KEY);
}
