import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStorageKind } from '../../../shared/domain';

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
    try {
      const value: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (typeof value !== 'object' || value === null) return {};
      return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return {};
    }
  }

  private writeAll(all: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    // Created 0600 from the start so the key is never readable by others, even briefly.
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }
}
