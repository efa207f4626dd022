import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START = join(ROOT, 'scripts', 'start.mjs');
// An empty Electron dist: wherever this runs, no Electron binary is found (the rules of
// node_modules/electron/index.js honour ELECTRON_OVERRIDE_DIST_PATH).
const emptyDist = mkdtempSync(join(tmpdir(), 'brook-no-electron-'));
afterAll(() => rmSync(emptyDist, { recursive: true, force: true }));

function start(mode: string, extraEnv: Record<string, string>) {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  Object.assign(env, { ELECTRON_OVERRIDE_DIST_PATH: emptyDist }, extraEnv);
  return spawnSync(process.execPath, [START, mode], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
}

describe('npm start / npm run dev without the Electron binary', () => {
  it('stops before building, in one sentence naming the cause and browser mode', () => {
    for (const mode of ['preview', 'dev']) {
      const run = start(mode, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        'Brook cannot start as a desktop app: the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set; ' +
          '`npm run serve` runs Brook in your browser without it.',
      );
      // Nothing was built: electron-vite never ran.
      expect(run.stdout).not.toMatch(/vite|building/i);
    }
  });

  it('says the download failed when Electron cannot be fetched, without a stack trace', () => {
    // A mirror that refuses every connection: the download fails the same way offline.
    const run = start('preview', { ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: emptyDist });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Brook cannot start as a desktop app: the Electron binary could not be downloaded \(.+\); `npm run serve` runs Brook in your browser without it\.$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown mode', () => {
    const run = start('bogus', { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown mode "bogus"');
  });
});
