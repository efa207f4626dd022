/**
 * Finding (and fetching) the Electron binary, shared by scripts/start.mjs and
 * scripts/electron-native.mjs. `require('electron')` is avoided on purpose: since Electron 42
 * it downloads a missing binary as a side effect, and a failed download ends in a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/** True when the environment variable is set to anything but '', '0' or 'false'. */
export function flag(name) {
  const value = (process.env[name] ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** node_modules/electron, or null when the package is not installed at all. */
export function electronPackageDir() {
  try {
    return dirname(requireFromRoot.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Where `require('electron')` would point, without its side effect. Same rules as
 * node_modules/electron/index.js: path.txt names the executable inside dist/,
 * ELECTRON_OVERRIDE_DIST_PATH replaces dist/. Null when the file is not there.
 * tests/electron/app.spec.ts resolves it the same way.
 */
export function electronExecutable(electronDir) {
  if (!electronDir) return null;
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable = null;
  if (override) executable = join(override, relative || 'electron');
  else if (relative) executable = join(electronDir, 'dist', relative);
  return executable && existsSync(executable) ? executable : null;
}

/**
 * Runs Electron's own installer (the one `require('electron')` runs when the binary is missing).
 * `quiet` keeps its output (a stack trace when offline) and returns its last line as the reason.
 */
export function downloadElectron(electronDir, { quiet = false } = {}) {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (result.status === 0 && !result.error) return { ok: true, reason: '' };
  const firstLine = (result.stderr ?? '').split('\n').map((l) => l.trim()).find(Boolean);
  return { ok: false, reason: result.error?.message ?? firstLine ?? `exit code ${result.status ?? result.signal}` };
}
