import type { AppErrorData } from '../../../shared/errors';
import { redactSecrets } from '../../../shared/redactSecrets';

/**
 * Every secret the core has read or stored (API keys, Brook's own local keys). Errors pass
 * through `redactError` where they are stored (the answer's row, and from there backups and
 * exports) and where they are sent (windows, the live feed, the local API), so a server that
 * echoes a key — whole, in part or encoded — cannot put it anywhere. Kept for the process's
 * life: a key removed in settings may still be echoed by a late answer.
 */
const known = new Set<string>();

export function rememberSecret(value: string | null | undefined): void {
  if (value) known.add(value);
}

export function redactKnownSecrets(text: string): string {
  return known.size === 0 ? text : redactSecrets(text, known);
}

export function redactError<E extends AppErrorData>(error: E): E {
  if (known.size === 0) return error;
  const out: E = { ...error };
  if (out.detail !== undefined) out.detail = redactKnownSecrets(out.detail);
  if (out.params) {
    out.params = Object.fromEntries(Object.entries(out.params).map(([k, v]) => [k, typeof v === 'string' ? redactKnownSecrets(v) : v]));
  }
  return out;
}
