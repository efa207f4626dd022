import { AppError } from '../../../shared/errors';
import type { ExtraErrorKey } from './httpErrors';

/** The base URL without surrounding space and trailing slashes; `fallback` when empty. */
export function trimBase(baseUrl: string, fallback: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  return trimmed === '' ? fallback.replace(/\/+$/, '') : trimmed;
}

/** base + path as a URL, or AppError `errors.badUrl` when it is not one of `protocols`. */
export function checkedUrl(base: string, path: string, protocols: readonly string[] = ['http:', 'https:']): URL {
  let parsed: URL;
  try {
    parsed = new URL(base + path);
  } catch {
    throw new AppError('bad_request', { messageKey: 'errors.badUrl' satisfies ExtraErrorKey, retryable: false });
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new AppError('bad_request', { messageKey: 'errors.badUrl' satisfies ExtraErrorKey, retryable: false });
  }
  return parsed;
}

/** Only http(s) addresses: a search engine may list ftp:// or magnet: links that cannot be read. */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** The host a source is shown under, without `www.`; the text itself when it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
