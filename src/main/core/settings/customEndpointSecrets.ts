/**
 * The secret header values of a custom endpoint (an `Authorization`, an `X-Api-Key`) live in
 * the secret store, one entry per header; the stored description keeps '' in their place, so
 * they never reach the renderer, an export or a log. A draft's secret header with '' keeps the
 * stored value; pointing the endpoint at another origin needs the secrets typed again.
 */
import type { CustomEndpoint, CustomHeader } from '../../../shared/customEndpoint';
import { AppError } from '../../../shared/errors';
import type { SecretStore } from './secrets';

const headerSlot = (providerId: string, name: string): string => `${providerId}#header:${name.toLowerCase()}`;

/** The description as stored: every secret value blanked. */
export function withoutSecretValues(endpoint: CustomEndpoint): CustomEndpoint {
  const headers = endpoint.request.headers.map((h): CustomHeader => (h.secret ? { ...h, value: '' } : h));
  return { ...endpoint, request: { ...endpoint.request, headers } };
}

function originOf(url: string): string | null {
  try {
    return new URL(url.replace(/\{\{\s*\w+\s*\}\}/g, 'x')).origin;
  } catch {
    return null;
  }
}

/** Refuses to send kept secrets to another origin than the one they were given for. */
export function assertSecretsMayFollow(secrets: SecretStore, providerId: string, before: CustomEndpoint | undefined, draft: CustomEndpoint): void {
  if (!before || originOf(before.request.url) === originOf(draft.request.url)) return;
  const kept = draft.request.headers.some((h) => h.secret && h.value === '' && secrets.get(headerSlot(providerId, h.name)) !== null);
  if (kept) throw new AppError('bad_request', { messageKey: 'errors.reenterKey', retryable: false });
}

/** Stores the draft's secret values (removing those of headers no longer secret or gone); returns the description to keep in settings. */
export function storeCustomEndpoint(secrets: SecretStore, providerId: string, before: CustomEndpoint | undefined, draft: CustomEndpoint): CustomEndpoint {
  assertSecretsMayFollow(secrets, providerId, before, draft);
  const keep = new Set(draft.request.headers.filter((h) => h.secret).map((h) => h.name.toLowerCase()));
  for (const old of before?.request.headers ?? []) if (old.secret && !keep.has(old.name.toLowerCase())) secrets.delete(headerSlot(providerId, old.name));
  for (const h of draft.request.headers) if (h.secret && h.value !== '') secrets.set(headerSlot(providerId, h.name), h.value);
  return withoutSecretValues(draft);
}

/** The secret header values to send: the draft's where typed, else the stored ones (by header name). */
export function secretHeaderValues(secrets: SecretStore, providerId: string | null, endpoint: CustomEndpoint): Record<string, string> {
  const values: Record<string, string> = {};
  for (const h of endpoint.request.headers) {
    if (!h.secret) continue;
    const value = h.value !== '' ? h.value : providerId ? secrets.get(headerSlot(providerId, h.name)) : null;
    if (value !== null) values[h.name] = value;
  }
  return values;
}

export function removeCustomSecrets(secrets: SecretStore, providerId: string, endpoint: CustomEndpoint | undefined): void {
  for (const h of endpoint?.request.headers ?? []) if (h.secret) secrets.delete(headerSlot(providerId, h.name));
}

/** Which secret headers have a value stored, for the form's "stored" hint. */
export function storedSecretHeaders(secrets: SecretStore, providerId: string, endpoint: CustomEndpoint): string[] {
  return endpoint.request.headers.filter((h) => h.secret && secrets.get(headerSlot(providerId, h.name)) !== null).map((h) => h.name);
}
