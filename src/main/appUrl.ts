import { join, normalize, sep } from 'node:path';
import { contentTypeOf } from './core';

/**
 * The built pages are served from `app://brook/…`, a custom privileged scheme (Electron's
 * security checklist: a standard, secure origin of Brook's own instead of `file://`, which
 * would let a page read any file its URL can name). Pure, so it is tested without Electron.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://brook';

export function appPageUrl(page: 'index' | 'quick', hash?: string): string {
  return `${APP_ORIGIN}/${page}.html${hash ? `#${hash}` : ''}`;
}

/** The file an `app://brook/…` URL names inside `rendererDir`; null for other hosts or paths that leave it. */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'brook') return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const root = normalize(rendererDir);
  const file = normalize(join(root, relative));
  return file.startsWith(root + sep) ? file : null;
}

export { contentTypeOf };
