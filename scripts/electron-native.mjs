#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron, next to (never instead of) the Node build.
 *
 * `npm install` builds node_modules/better-sqlite3 for Node: vitest and browser mode load it.
 * Electron has its own ABI, so this script puts a second build into
 *
 *   node_modules/.cache/brook-native/better_sqlite3-electron-<electron>-<better-sqlite3>-<platform>-<arch>.node
 *
 * which the main process passes to better-sqlite3 as `nativeBinding` (src/main/nativeBinding.ts
 * computes the same name). The Node build is never touched, so `npm start` and `npm test` work
 * in either order, and running this again is a quick no-op.
 *
 * Steps: find the Electron binary (Electron ≥ 42 has no postinstall and downloads it lazily, so
 * fetch it with Electron's own installer unless ELECTRON_SKIP_BINARY_DOWNLOAD is set; without a
 * binary, say so and exit 0) → return if the build exists → copy the package sources to a temp
 * dir → `prebuild-install --runtime electron` (a prebuilt download) or else `node-gyp rebuild`
 * against Electron's headers → load the result in Electron (ELECTRON_RUN_AS_NODE) → move it into
 * place atomically.
 *
 * `--arch <arch>` builds for another architecture of this platform (electron-builder's beforePack
 * hook, scripts/builder/beforePack.mjs, packages x64 and arm64 from one runner); the probe then
 * cannot load it and is skipped.
 *
 * Environment: ELECTRON_SKIP_BINARY_DOWNLOAD=1 never downloads Electron; BROOK_REQUIRE_ELECTRON=1
 * turns "no Electron binary" into a failure (CI, so the Electron tests cannot silently skip).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, downloadElectron, electronExecutable, electronPackageDir, flag, requireFromRoot } from './electronBinary.mjs';

const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'brook-native');
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const SKIP_LINE =
  'electron-native: no Electron binary installed (ELECTRON_SKIP_BINARY_DOWNLOAD?) — skipping the Electron build of better-sqlite3';

const say = (message) => console.log(`electron-native: ${message}`);

class BuildError extends Error {}

function packageDir(name, from = requireFromRoot) {
  return dirname(from.resolve(`${name}/package.json`));
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** What process.versions.electron will say: dist/version of the binary, else the package's version. */
function electronVersion(electronDir) {
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  try {
    const version = readFileSync(join(distDir, 'version'), 'utf8').trim().replace(/^v/, '');
    if (version) return version;
  } catch {
    // Custom dists may have no version file.
  }
  return readJson(join(electronDir, 'package.json')).version;
}

/**
 * The environment for prebuild-install, node-gyp and the probe. When this runs under npm, npm
 * exports its config as npm_config_* and node-gyp lets those override its command line (so a
 * `nodedir=/usr` in .npmrc would silently build against Node's headers): drop every setting
 * that picks the target. npm_config_build_from_source stays: it is a deliberate choice.
 */
function buildEnv() {
  const env = { ...process.env };
  const targetKeys = /^npm_config_(target|target_arch|target_platform|runtime|arch|platform|disturl|dist_url|nodedir|devdir)$/;
  for (const key of Object.keys(env)) {
    const lower = key.toLowerCase();
    if (targetKeys.test(lower) || lower.startsWith('npm_package_')) delete env[key];
  }
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function run(label, args, options) {
  say(`${label}: ${[process.execPath, ...args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', ...options });
  if (result.error) return `${label} could not run: ${result.error.message}`;
  if (result.status !== 0) return `${label} exited with ${result.status ?? result.signal}`;
  return null;
}

function findNodeGyp() {
  const candidates = [];
  try {
    candidates.push(requireFromRoot.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not a dependency of the project: fall back to the copy npm ships
  }
  if (process.env.npm_config_node_gyp) candidates.push(process.env.npm_config_node_gyp);
  if (process.env.npm_execpath) {
    candidates.push(join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  }
  const nodeDir = dirname(process.execPath);
  candidates.push(
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  );
  return candidates.find((file) => file.endsWith('.js') && existsSync(file)) ?? null;
}

/** Loads the build in Electron running as Node: catches a build made against the wrong headers. */
function probe(executable, betterSqliteDir, nodeFile, workDir) {
  const script = join(workDir, 'probe.cjs');
  writeFileSync(
    script,
    `const Database = require(${JSON.stringify(join(betterSqliteDir, 'lib', 'index.js'))});
const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(nodeFile)} });
const { v } = db.prepare('select sqlite_version() as v').get();
db.close();
console.log('electron ' + process.versions.electron + ', sqlite ' + v);
`,
  );
  const result = spawnSync(executable, [script], {
    env: { ...buildEnv(), ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status === 0) return { ok: true, detail: result.stdout.trim() };
  const detail = [result.error?.message, result.stderr?.trim(), result.stdout?.trim()].filter(Boolean).join('\n');
  return { ok: false, detail: detail || `exit code ${result.status ?? result.signal}` };
}

function build({ executable, version, betterSqliteDir, target, arch }) {
  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'brook-native-'));
  const moduleDir = join(workDir, 'better-sqlite3');
  const built = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  const env = buildEnv();
  const failures = [];
  try {
    // Only the sources: node_modules/better-sqlite3/build (the Node build) is neither copied nor touched.
    for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
      cpSync(join(betterSqliteDir, entry), join(moduleDir, entry), { recursive: true });
    }

    const attempts = [];
    let prebuildInstall = null;
    try {
      prebuildInstall = createRequire(join(betterSqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
    } catch {
      failures.push('prebuild-install: not installed');
    }
    if (prebuildInstall) {
      attempts.push({
        how: 'prebuild-install',
        // prebuild-install reads package.json from its working directory and unpacks into build/Release.
        args: [prebuildInstall, '--runtime=electron', `--target=${version}`, `--arch=${arch}`, `--platform=${process.platform}`, '--verbose'],
        timeout: 5 * 60_000,
      });
    }
    const nodeGyp = findNodeGyp();
    if (nodeGyp) {
      attempts.push({
        how: 'node-gyp',
        // Electron's documented manual build: its headers, and a header cache apart from Node's.
        args: [
          nodeGyp,
          'rebuild',
          '--release',
          `--target=${version}`,
          `--arch=${arch}`,
          `--dist-url=${ELECTRON_HEADERS_URL}`,
          `--devdir=${join(homedir(), '.electron-gyp')}`,
          '--jobs=max',
        ],
        timeout: 30 * 60_000,
      });
    } else {
      failures.push('node-gyp: not found (add it as a devDependency, or run this through npm, which ships one)');
    }

    for (const { how, args, timeout } of attempts) {
      rmSync(join(moduleDir, 'build'), { recursive: true, force: true });
      const error = run(how, args, { cwd: moduleDir, env, timeout });
      if (error) {
        failures.push(error);
        continue;
      }
      if (!existsSync(built)) {
        failures.push(`${how} finished but left no build/Release/better_sqlite3.node`);
        continue;
      }
      // Electron cannot load a module built for another architecture (packaging arm64 on an x64
      // runner): then the prebuilt download or Electron's headers are the only check.
      const check =
        arch === process.arch
          ? probe(executable, betterSqliteDir, built, workDir)
          : { ok: true, detail: `built for ${arch} on ${process.arch}: not loaded here` };
      if (!check.ok) {
        failures.push(`${how}: the result does not load in Electron ${version}:\n${check.detail}`);
        continue;
      }
      mkdirSync(CACHE_DIR, { recursive: true });
      const partial = `${target}.${process.pid}.partial`;
      copyFileSync(built, partial);
      renameSync(partial, target);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      say(`built ${target} with ${how} in ${seconds} s (${check.detail})`);
      return;
    }
    throw new BuildError(
      [
        `could not build better-sqlite3 for Electron ${version} (${process.platform}-${arch}):`,
        ...failures.map((f) => `  - ${f}`),
        'prebuild-install needs GitHub (the prebuilt binaries); node-gyp needs a C++ toolchain, Python, and',
        `${ELECTRON_HEADERS_URL} (Electron's headers). The Node build in node_modules was not changed.`,
      ].join('\n'),
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** `--arch <arch>` builds for another architecture (electron-builder's beforePack hook passes it). */
function targetArch() {
  const { values } = parseArgs({ options: { arch: { type: 'string' } }, strict: true });
  return values.arch ?? process.arch;
}

function main() {
  const arch = targetArch();
  const electronDir = electronPackageDir();
  let executable = electronExecutable(electronDir);
  if (!executable && electronDir && !flag('ELECTRON_SKIP_BINARY_DOWNLOAD')) {
    say('the Electron binary is not downloaded yet (Electron ≥ 42 fetches it on first use) — fetching it now');
    const download = downloadElectron(electronDir);
    if (!download.ok) say(`could not download Electron (${download.reason})`);
    executable = electronExecutable(electronDir);
  }
  if (!executable || !electronDir) {
    if (flag('BROOK_REQUIRE_ELECTRON')) {
      throw new BuildError('BROOK_REQUIRE_ELECTRON is set but no Electron binary is installed (try `npx install-electron --no`)');
    }
    console.log(SKIP_LINE);
    return;
  }

  const version = electronVersion(electronDir);
  const betterSqliteDir = packageDir('better-sqlite3');
  const betterSqliteVersion = readJson(join(betterSqliteDir, 'package.json')).version;
  const name = `better_sqlite3-electron-${version}-${betterSqliteVersion}-${process.platform}-${arch}.node`;
  const target = join(CACHE_DIR, name);
  if (existsSync(target)) return;

  say(`building better-sqlite3 ${betterSqliteVersion} for Electron ${version} (${process.platform}-${arch})`);
  build({ executable, version, betterSqliteDir, target, arch });
}

try {
  main();
} catch (error) {
  console.error(`electron-native: ${error instanceof BuildError ? error.message : error?.stack ?? error}`);
  process.exitCode = 1;
}
