import { existsSync, readFileSync } from 'node:fs';
import type { SecretStorageKind } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { rememberSecret, writePrivateFileAtomic } from '../base';

/** Where API keys live. Values never leave the main process (or the headless core). */
export interface SecretStore {
  readonly kind: SecretStorageKind;
  get(id: string): string | null;
  set(id: string, value: string): void;
  delete(id: string): void;
}

/**
 * Browser mode has no OS keychain: keys go in a JSON file only the user can read (0600),
 * and the settings screen says that they are not encrypted.
 */
export class FileSecretStore implements SecretStore {
  readonly kind = 'file-0600' as const;

  constructor(private readonly file: string) {}

  get(id: string): string | null {
    return this.readAll()[id] ?? null;
  }

  set(id: string, value: string): void {
    this.writeAll({ ...this.readAll(), [id]: value });
  }

  delete(id: string): void {
    const all = this.readAll();
    if (!(id in all)) return;
    delete all[id];
    this.writeAll(all);
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch {
      value = null;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      // Refuse rather than start from {}: the next write would wipe every stored key.
      throw new AppError('internal', { messageKey: 'errors.keysFileDamaged', params: { file: this.file }, retryable: false });
    }
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  private writeAll(all: Record<string, string>): void {
    writePrivateFileAtomic(this.file, JSON.stringify(all));
  }
}

/**
 * The store the core uses: every value read or written is remembered for redaction (base
 * `redactError`), whichever store (file or OS keychain) holds it.
 */
export function rememberingSecrets(inner: SecretStore): SecretStore {
  return {
    kind: inner.kind,
    get: (id) => {
      const value = inner.get(id);
      rememberSecret(value);
      return value;
    },
    set: (id, value) => {
      rememberSecret(value);
      inner.set(id, value);
    },
    delete: (id) => inner.delete(id),
  };
}
