import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronSqliteFileName } from '../../src/main/nativeBinding';
import { packAppFiles, ROOT, type PackagedApp } from './packageKit';

const requireFromRoot = createRequire(join(ROOT, 'package.json'));
const versionOf = (pkg: string) => (JSON.parse(readFileSync(requireFromRoot.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
const NATIVE_NAME = electronSqliteFileName(versionOf('electron'), versionOf('better-sqlite3'), 'linux', 'x64');
const REAL_CACHE = join(ROOT, 'node_modules', '.cache', 'brook-native');

const work = mkdtempSync(join(tmpdir(), 'brook-package-'));
let packed: PackagedApp;
let testCache: string | null = null;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('out/ is missing: run `npm run build` first (npm test does)');
  // The Electron build of better-sqlite3 for linux-x64 is made in beforePack (not run here) and
  // needs the Electron binary. Where it does not exist, the cache the config reads is a temporary
  // folder holding the Node build under the Electron build's name: what is checked is which file
  // the config's globs pick and where it lands, not the file's ABI.
  if (process.platform === 'linux' && process.arch === 'x64' && existsSync(join(REAL_CACHE, NATIVE_NAME))) {
    process.env.BROOK_NATIVE_CACHE = REAL_CACHE;
  } else {
    // Inside the project, as the real cache is: asarUnpack patterns match source paths.
    mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
    const cache = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'brook-package-test-'));
    testCache = cache;
    const nodeBuild = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    copyFileSync(nodeBuild, join(cache, NATIVE_NAME));
    // A build for another architecture or platform must not be picked.
    copyFileSync(nodeBuild, join(cache, NATIVE_NAME.replace('-linux-x64', '-linux-arm64')));
    copyFileSync(nodeBuild, join(cache, NATIVE_NAME.replace('-linux-x64', '-darwin-x64')));
    process.env.BROOK_NATIVE_CACHE = cache;
  }
  process.env.BROOK_QUIET_CONFIG = '1';
  const resources = join(work, 'linux-unpacked', 'resources');
  mkdirSync(resources, { recursive: true });
  packed = await packAppFiles(resources);
}, 180_000);

afterAll(() => {
  delete process.env.BROOK_NATIVE_CACHE;
  delete process.env.BROOK_QUIET_CONFIG;
  rmSync(work, { recursive: true, force: true });
  if (testCache) rmSync(testCache, { recursive: true, force: true });
});

describe('the packaged app (electron-builder, linux x64, app part)', () => {
  it('has the main process, both preloads, the renderer and the icons', () => {
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/preload/quick.cjs', 'out/renderer/index.html', 'out/renderer/quick.html', 'resources/icon.png', 'resources/trayTemplate.png']) {
      expect(packed.inAsar).toContain(file);
    }
    expect(packed.inAsar.some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
  });

  it('has the production dependencies, better-sqlite3 without its Node build or C sources', () => {
    for (const pkg of ['better-sqlite3', 'electron-updater', 'electron-store', 'ws', 'zod']) {
      expect(packed.inAsar).toContain(`node_modules/${pkg}/package.json`);
    }
    expect(packed.inAsar).toContain('node_modules/better-sqlite3/lib/index.js');
    const all = [...packed.inAsar, ...packed.unpacked];
    expect(all.filter((f) => /^node_modules\/better-sqlite3\/(build|deps|src)\//.test(f))).toEqual([]);
  });

  it('has the Electron build of better-sqlite3 for its platform and arch, outside app.asar', () => {
    expect(packed.unpacked).toContain(`native/${NATIVE_NAME}`);
    expect(packed.inAsar.filter((f) => f.endsWith('.node') && !f.startsWith('node_modules/@img/'))).toEqual([`native/${NATIVE_NAME}`]);
  });

  it('has sharp’s native module and its libvips outside app.asar, where the dynamic linker can load them', () => {
    const unpacked = packed.unpacked.filter((f) => f !== `native/${NATIVE_NAME}`);
    expect(unpacked.some((f) => /^node_modules\/@img\/sharp-linux-x64\/lib\/sharp-linux-x64-[\d.]+\.node$/.test(f))).toBe(true);
    expect(unpacked.some((f) => /^node_modules\/@img\/sharp-libvips-linux-x64\/lib\/libvips-cpp\.so/.test(f))).toBe(true);
    expect(unpacked.every((f) => f.startsWith('node_modules/@img/'))).toBe(true);
  });

  it('has nothing of the developers’ machine: no sources, tests, fixtures, bench, docs, scripts, maps or dev tools', () => {
    const all = [...packed.inAsar, ...packed.unpacked];
    const leaks = all.filter((f) =>
      /^(src|tests|bench|docs|scripts|\.github|\.ci|test-results|dist|node_modules\/\.cache)\//.test(f) ||
      /\.(map|ts|tsx)$/.test(f) ||
      /^node_modules\/(electron|electron-builder|electron-vite|vite|vitest|typescript|eslint|@playwright)\//.test(f),
    );
    expect(leaks).toEqual([]);
    expect(all.filter((f) => !f.startsWith('node_modules/') && !/^(out|resources|native)\//.test(f))).toEqual(['package.json']);
  });
});

describe('electron-builder.config.js', () => {
  it('builds every installer the release promises, with the app id, product name and icons', () => {
    const { config } = packed;
    expect(config.appId).toBe('app.brook.desktop');
    expect(config.productName).toBe('Brook');
    const targets = (list: unknown) => (list as { target: string; arch: string[] }[]).map((t) => `${t.target}:${t.arch.join('+')}`);
    expect(targets(config.win?.target)).toEqual(['nsis:x64+arm64']);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    expect(targets(config.mac?.target)).toEqual(['dmg:x64+arm64', 'zip:x64+arm64']);
    expect(targets(config.linux?.target)).toEqual(['AppImage:x64+arm64', 'deb:x64+arm64', 'rpm:x64+arm64']);
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) expect(existsSync(join(ROOT, String(icon)))).toBe(true);
    expect(config.publish).toEqual([{ provider: 'github', releaseType: 'draft' }]);
    expect(config.npmRebuild).toBe(false);
  });
});
