/**
 * Removes secrets from text that may be stored or shown (error details): the secret itself,
 * any long piece of it (a server that echoes the key minus a few characters), and the forms
 * it travels in — URL-encoded, base64 and base64url (at each of the three byte alignments, so
 * it is found inside a longer base64 text such as `Basic user:key`), and hex.
 */

/** Pieces this long or longer are removed; shorter ones are too likely to be ordinary text. */
export const MIN_SECRET_FRAGMENT = 10;
export const REDACTED = '***';

export function redactSecrets(text: string, secrets: Iterable<string | null | undefined>): string {
  const pieces = new Set<string>();
  for (const secret of secrets) {
    // Very short "keys" (e.g. "x" for Ollama) would shred ordinary words; they are not secret.
    if (!secret || secret.length < 4) continue;
    for (const form of encodedForms(secret)) addPieces(pieces, form);
  }
  if (pieces.size === 0) return text;
  return cover(text, pieces);
}

/** The secret and the spellings it is commonly sent or echoed in. */
function encodedForms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms = new Set([secret, encodeURIComponent(secret), hex(bytes), hex(bytes).toUpperCase()]);
  for (let offset = 0; offset < 3; offset++) {
    // Preceded by `offset` other bytes, the secret's base64 starts mid-group: drop the characters those bytes touch.
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    const b64 = base64(shifted);
    const start = offset === 0 ? 0 : Math.ceil((offset * 4) / 3);
    const end = b64.replace(/=+$/, '').length - ((offset + bytes.length) % 3 === 0 ? 0 : 2);
    const inner = b64.slice(start, Math.max(start, end));
    forms.add(inner);
    forms.add(inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms].filter((f) => f.length >= 4);
}

/** Every piece of MIN_SECRET_FRAGMENT characters (or the whole form when shorter). */
function addPieces(pieces: Set<string>, form: string): void {
  if (form.length <= MIN_SECRET_FRAGMENT) {
    pieces.add(form);
    return;
  }
  for (let i = 0; i + MIN_SECRET_FRAGMENT <= form.length; i++) pieces.add(form.slice(i, i + MIN_SECRET_FRAGMENT));
}

/** Replaces every run of text covered by some piece with one REDACTED marker. */
function cover(text: string, pieces: Set<string>): string {
  const lengths = [...new Set([...pieces].map((p) => p.length))];
  const covered = new Uint8Array(text.length);
  let any = false;
  for (const length of lengths) {
    for (let i = 0; i + length <= text.length; i++) {
      if (!pieces.has(text.slice(i, i + length))) continue;
      covered.fill(1, i, i + length);
      any = true;
    }
  }
  if (!any) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) out += text[i];
    else if (i === 0 || !covered[i - 1]) out += REDACTED;
  }
  return out;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
