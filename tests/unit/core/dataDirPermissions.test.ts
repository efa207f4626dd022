/**
 * The data folder is the user's alone (issue #12 item 11): 0700, and its files 0600 — those
 * an earlier version left 0644 are tightened at start, and new ones (database, WAL, settings,
 * keys, backups) are made that way.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core/app/createCore';
import { defaultState, FileSecretStore } from '../../../src/main/core/settings';

const mode = (path: string) => statSync(path).mode & 0o777;

function modes(dir: string, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out[prefix + name] = mode(path);
    if (statSync(path).isDirectory()) Object.assign(out, modes(path, `${prefix}${name}/`));
  }
  return out;
}

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('tightens an old 0755 folder with 0644 files, and makes new files 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'brook-perm-')), 'data');
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'backups'), 0o755);
    writeFileSync(join(dataDir, 'config.json'), '{}', { mode: 0o644 });
    writeFileSync(join(dataDir, 'backups', 'brook-old.sqlite'), '', { mode: 0o644 });

    const core = createCore({
      dataDir,
      settingsBackend: new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'config', projectName: 'brook-test', configFileMode: 0o600, defaults: { ...defaultState() } }),
      secrets: new FileSecretStore(join(dataDir, 'keys.json')),
      info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
      autoTitle: false,
    });
    core.handlers['settings.update']({ theme: 'dark' });
    core.handlers['conversations.create']({});
    await core.handlers['history.backup']({});
    core.handlers['settings.update']({ localApi: { enabled: true } });
    await core.local.apply(); // stores the local API key in keys.json

    expect(mode(dataDir)).toBe(0o700);
    const all = modes(dataDir);
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['brook.sqlite', 'config.json', 'keys.json', 'backups', 'backups/brook-old.sqlite']));
    expect(Object.keys(all).filter((n) => n.startsWith('backups/brook-') && n.endsWith('.sqlite') && n !== 'backups/brook-old.sqlite')).toHaveLength(1);
    for (const [name, m] of Object.entries(all)) {
      const wanted = statSync(join(dataDir, name)).isDirectory() ? 0o700 : 0o600;
      expect({ name, mode: m.toString(8) }).toEqual({ name, mode: wanted.toString(8) });
    }
    await core.shutdown();
  });
});
