import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { SecretStore } from './core';

/**
 * API keys encrypted with the OS keychain (DPAPI, Keychain, libsecret). Only ciphertext
 * touches the disk; the plaintext never leaves the main process.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'safeStorage' as const;
  private readonly store = new Store<Record<string, string>>({ name: 'secrets', configFileMode: 0o600 });

  static available(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    // On Linux without a keyring Electron falls back to a hard-coded password: not real encryption.
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }

  get(id: string): string | null {
    const sealed = this.store.get(id);
    if (typeof sealed !== 'string') return null;
    try {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      return null;
    }
  }

  set(id: string, value: string): void {
    this.store.set(id, safeStorage.encryptString(value).toString('base64'));
  }

  delete(id: string): void {
    this.store.delete(id);
  }
}
