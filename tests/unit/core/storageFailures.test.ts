/**
 * A full or read-only disk, made for real (a 64 KiB tmpfs, and a read-only bind mount), while
 * keys and settings are saved and the data-folder lock is released (issue #12 item 8). Needs
 * root and mount(2); skipped elsewhere, with the reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../../src/main/core/app/dataDirLock';
import { dispatch } from '../../../src/main/core/api';
import { defaultState, FileSecretStore, SettingsRepository } from '../../../src/main/core/settings';
import { createCore } from '../../../src/main/core/app/createCore';
import { startupFailureText } from '../../../src/main/core/app/startupFailure';
import { AppError } from '../../../src/shared/errors';

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'brook-mount-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
})();
const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0).reverse()) spawnSync('umount', ['-l', dir]);
});

/** A folder on a 64 KiB file system, filled up. */
function fullDisk(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brook-full-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}
function fill(dir: string): void {
  try {
    writeFileSync(join(dir, 'filler'), Buffer.alloc(1024 * 1024));
  } catch {
    // ENOSPC: what was wanted.
  }
}
/** `dir` seen through a bind mount that is then made read-only. */
function bindMount(dir: string): string {
  const view = mkdtempSync(join(tmpdir(), 'brook-ro-'));
  execFileSync('mount', ['--bind', dir, view]);
  mounted.push(view);
  return view;
}
function makeReadOnly(view: string): void {
  execFileSync('mount', ['-o', 'remount,ro,bind', view]);
}
function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  throw new Error('did not throw');
}

describe.skipIf(!canMount)('full and read-only disks (real mounts; needs root and mount)', () => {
  it('saving a key on a full disk: errors.storageFull, and no keys.json.<pid>.tmp left behind', () => {
    const dir = fullDisk();
    const secrets = new FileSecretStore(join(dir, 'keys.json'));
    secrets.set('a', 'first');
    fill(dir);
    const err = thrown(() => secrets.set('b', 'x'.repeat(200_000)));
    expect(err).toMatchObject({ messageKey: 'errors.storageFull' });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(secrets.get('a')).toBe('first');
  });

  it('saving a key on a read-only disk: errors.storageReadOnly', () => {
    const view = bindMount(mkdtempSync(join(tmpdir(), 'brook-keys-')));
    const secrets = new FileSecretStore(join(view, 'keys.json'));
    secrets.set('a', 'first');
    makeReadOnly(view);
    expect(thrown(() => secrets.set('b', 'second'))).toMatchObject({ messageKey: 'errors.storageReadOnly' });
    expect(readdirSync(view).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('saving settings on a full or read-only disk gives the translated keys, not internal + ENOSPC', () => {
    const full = fullDisk();
    const onFull = new SettingsRepository(new Conf<Record<string, unknown>>({ cwd: full, configName: 'config', projectName: 'brook-test', defaults: { ...defaultState() } }));
    fill(full);
    const big = { ...onFull.read(), providers: Array.from({ length: 400 }, (_, i) => ({ ...defaultProvider(), id: `p${i}`, name: 'n'.repeat(200) })) };
    expect(thrown(() => onFull.write(big as never))).toMatchObject({ messageKey: 'errors.storageFull' });

    const view = bindMount(mkdtempSync(join(tmpdir(), 'brook-settings-')));
    const onReadOnly = new SettingsRepository(new Conf<Record<string, unknown>>({ cwd: view, configName: 'config', projectName: 'brook-test', defaults: { ...defaultState() } }));
    onReadOnly.write(onReadOnly.read());
    makeReadOnly(view);
    expect(thrown(() => onReadOnly.update((s) => ({ ...s, settings: { ...s.settings, theme: 'dark' } })))).toMatchObject({ messageKey: 'errors.storageReadOnly' });
  });

  it('a window saving settings on a read-only disk gets errors.storageReadOnly through dispatch', async () => {
    const data = mkdtempSync(join(tmpdir(), 'brook-core-ro-'));
    const settingsDir = bindMount(mkdtempSync(join(tmpdir(), 'brook-conf-')));
    const core = createCore({
      dataDir: data,
      settingsBackend: new Conf<Record<string, unknown>>({ cwd: settingsDir, configName: 'config', projectName: 'brook-test', defaults: { ...defaultState() } }),
      secrets: new FileSecretStore(join(settingsDir, 'keys.json')),
      info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
    });
    await core.ready;
    makeReadOnly(settingsDir);
    const result = await dispatch(core.handlers, 'settings.update', { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { messageKey: 'errors.storageReadOnly' } });
    await core.shutdown();
  });

  it('releasing the data-folder lock after the folder turned read-only does not throw (SIGTERM exits cleanly)', () => {
    const view = bindMount(mkdtempSync(join(tmpdir(), 'brook-lockro-')));
    mkdirSync(view, { recursive: true });
    const lock = acquireDataDirLock(view);
    makeReadOnly(view);
    expect(() => lock.release()).not.toThrow();
  });
});

function defaultProvider() {
  return { id: 'p', name: 'n', kind: 'openai-compatible', presetId: 'custom', baseUrl: 'http://127.0.0.1:1/v1', defaultModel: 'm', createdAt: 0 };
}

describe.skipIf(!canMount)('startup failures say what is wrong, with which folder, in the user’s language', () => {
  it('a read-only data folder: not `internal`, not a raw EROFS', () => {
    const view = bindMount(mkdtempSync(join(tmpdir(), 'brook-start-ro-')));
    makeReadOnly(view);
    let failure: unknown;
    try {
      createCore({
        dataDir: view,
        settingsBackend: { store: { ...defaultState() } },
        secrets: new FileSecretStore(join(view, 'keys.json')),
        info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
      });
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeDefined();
    const en = startupFailureText(failure, view, 'en-US');
    expect(en).toContain(view);
    expect(en).toMatch(/read-only/);
    expect(en).not.toMatch(/EROFS|^internal$/);
    const zh = startupFailureText(failure, view, 'zh-CN');
    expect(zh).toContain(view);
    expect(zh).toMatch(/只读/);
  });

  it('a full disk names the folder and says so', () => {
    const dir = fullDisk();
    fill(dir);
    let failure: unknown;
    try {
      createCore({
        dataDir: dir,
        settingsBackend: { store: { ...defaultState() } },
        secrets: new FileSecretStore(join(dir, 'keys.json')),
        info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
      });
    } catch (err) {
      failure = err;
    }
    expect(startupFailureText(failure, dir, 'en-US')).toMatch(new RegExp(`${dir}.*disk is full`, 's'));
  });
});
