import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { ChangeEntry } from './localLog';
import type { RemoteStore } from './remote/remoteStore';

/** scrypt's cost: about 0.1 s and 32 MiB, once per sync. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const CHECK_TEXT = 'brook-sync-key-check';
const PREFIX = 'e1.';

/** What the server's `encryption` meta row holds: 'none', or the salt and a known text encrypted with the key. */
interface EncryptionMeta {
  v: 1;
  salt: string;
  check: string;
}

export interface ValueCodec {
  encode(entry: Omit<ChangeEntry, 'value'>, json: string): string;
  decode(entry: ChangeEntry): string;
}

const PLAIN: ValueCodec = {
  encode: (_entry, json) => json,
  decode: (entry) => {
    if (entry.value.startsWith(PREFIX)) throw passphraseError('sync.errors.passphraseNeeded');
    return entry.value;
  },
};

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(passphrase.normalize('NFC'), salt, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))));
}

/** AES-256-GCM; the entry's identity and clock are the additional data, so a ciphertext cannot be moved to another entry. */
function seal(key: Buffer, aad: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, aad: string, sealed: string): string {
  if (!sealed.startsWith(PREFIX)) throw new AppError('bad_request', { messageKey: 'sync.errors.notEncrypted', retryable: false });
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

const aadOf = (e: Omit<ChangeEntry, 'value'>) => `${e.kind}|${e.entityId}|${e.field}|${e.hlc}`;

function passphraseError(messageKey: string): AppError {
  return new AppError('auth', { messageKey, retryable: false });
}

/**
 * Agrees on encryption with the server before anything moves. The first device to sync decides
 * (its choice is stored in `brook_sync_meta`); a device that disagrees, lacks the passphrase or
 * has the wrong one gets an error and neither pushes nor pulls anything.
 */
export async function negotiateCodec(remote: RemoteStore, passphrase: string | null): Promise<ValueCodec> {
  let proposal = 'none';
  let proposedKey: Buffer | null = null;
  if (passphrase) {
    const salt = randomBytes(16);
    proposedKey = await deriveKey(passphrase, salt);
    proposal = JSON.stringify({ v: 1, salt: salt.toString('base64'), check: seal(proposedKey, 'check', CHECK_TEXT) } satisfies EncryptionMeta);
  }
  const agreed = await remote.initMeta('encryption', proposal);
  if (agreed === 'none') {
    if (passphrase) throw passphraseError('sync.errors.serverNotEncrypted');
    return PLAIN;
  }
  if (!passphrase) throw passphraseError('sync.errors.passphraseNeeded');
  const meta = JSON.parse(agreed) as EncryptionMeta;
  const key = agreed === proposal && proposedKey ? proposedKey : await deriveKey(passphrase, Buffer.from(meta.salt, 'base64'));
  try {
    if (open(key, 'check', meta.check) !== CHECK_TEXT) throw new Error('check text differs');
  } catch {
    throw passphraseError('sync.errors.wrongPassphrase');
  }
  return {
    encode: (entry, json) => seal(key, aadOf(entry), json),
    decode: (entry) => {
      try {
        return open(key, aadOf(entry), entry.value);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw passphraseError('sync.errors.wrongPassphrase');
      }
    },
  };
}
