#!/usr/bin/env node
/**
 * `npm start` (build, then run the built app) and `npm run dev` (electron-vite's dev server).
 *
 * It looks for the Electron binary before anything else: Electron ≥ 42 downloads it on first
 * use, and where that download cannot happen (offline, a blocked mirror, ELECTRON_SKIP_BINARY_
 * DOWNLOAD) electron-vite would build twice and end in a stack trace. Here it ends in one
 * sentence instead, naming what failed and the browser mode that needs no Electron.
 *
 *   node scripts/start.mjs preview   build, build better-sqlite3 for Electron, electron-vite preview
 *   node scripts/start.mjs dev       build better-sqlite3 for Electron, electron-vite dev
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, downloadElectron, electronExecutable, electronPackageDir, flag } from './electronBinary.mjs';

const MODES = { preview: ['preview'], dev: ['dev'] };
const BROWSER_HINT = '`npm run serve` runs Brook in your browser without it.';

/** The one sentence for a machine without Electron (tests/package/start.test.ts reads it). */
function noElectronSentence(reason) {
  return `Brook cannot start as a desktop app: ${reason}; ${BROWSER_HINT}`;
}

/** Finds the binary, fetching it once when allowed; returns the failure sentence or null. */
function electronProblem() {
  const electronDir = electronPackageDir();
  if (!electronDir) return noElectronSentence('the electron package is not installed (run `npm install`)');
  if (electronExecutable(electronDir)) return null;
  if (flag('ELECTRON_SKIP_BINARY_DOWNLOAD')) {
    return noElectronSentence('the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  }
  console.log('start: fetching the Electron binary (first run)…');
  const download = downloadElectron(electronDir, { quiet: true });
  if (electronExecutable(electronDir)) return null;
  return noElectronSentence(`the Electron binary could not be downloaded (${download.reason || 'no binary after the download'})`);
}

/** Runs a step with this Node; its exit code ends the script when it fails. */
function step(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function main() {
  const mode = process.argv[2] ?? 'preview';
  if (!(mode in MODES)) {
    console.error(`start: unknown mode "${mode}" (expected ${Object.keys(MODES).join(' or ')})`);
    process.exit(2);
  }
  const problem = electronProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const electronVite = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (mode === 'preview') step([electronVite, 'build']);
  step([join(ROOT, 'scripts', 'electron-native.mjs')]);
  step([electronVite, ...MODES[mode]]);
}

main();
