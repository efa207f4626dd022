import { TOKEN_FRAGMENT_KEY } from '../../../shared/wsProtocol';

/** Reads the access token from a URL fragment such as `#token=abc`. */
export function readTokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get(TOKEN_FRAGMENT_KEY);
  return token && token.trim() !== '' ? token : null;
}

/** The same fragment without the token, so it does not linger in the address bar. */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  params.delete(TOKEN_FRAGMENT_KEY);
  const rest = params.toString();
  return rest === '' ? '' : `#${rest}`;
}
