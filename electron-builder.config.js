/**
 * electron-builder: Brook's installers (`npm run dist`, .github/workflows/release.yml).
 *
 * Windows NSIS (per user, x64 + arm64), macOS DMG + ZIP (x64 and arm64; the ZIP is what
 * electron-updater applies), Linux AppImage, deb and rpm (x64 + arm64). Updates come from
 * GitHub Releases (`publish`); electron-builder writes app-update.yml into the package and
 * latest.yml / latest-mac.yml / latest-linux.yml beside the installers.
 *
 * better-sqlite3: the package ships only its JavaScript; its native module is the Electron
 * build that scripts/electron-native.mjs makes (the same file `npm start` uses), built for the
 * target architecture in `beforePack` and put unpacked (outside app.asar) under `native/`,
 * where src/main/nativeBinding.ts looks for it. electron-builder's own rebuild is off: it
 * would make a third copy in another way.
 *
 * Signing reads the usual electron-builder variables when CI has the secrets: CSC_LINK +
 * CSC_KEY_PASSWORD (or WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD) for Windows, CSC_LINK for the macOS
 * Developer ID, and APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID (or APPLE_API_KEY +
 * APPLE_API_KEY_ID + APPLE_API_ISSUER) to notarise. Without them the build is unsigned (macOS:
 * ad-hoc signed so that Apple silicon runs it) and says so once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arch } from 'electron-builder';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
/**
 * Where scripts/electron-native.mjs leaves the Electron builds of better-sqlite3.
 * BROOK_NATIVE_CACHE points elsewhere: tests/package does, where no Electron build can be made.
 */
export const NATIVE_CACHE = process.env.BROOK_NATIVE_CACHE || 'node_modules/.cache/brook-native';
/** Inside the package (unpacked); src/main/nativeBinding.ts reads the same folder name. */
export const NATIVE_DIR_IN_APP = 'native';

const present = (env, ...names) => names.every((name) => (env[name] ?? '').trim() !== '');

/** What this build can sign with, from the environment alone (CI secrets when present). */
export function signingFrom(env) {
  const windows = present(env, 'WIN_CSC_LINK') || present(env, 'CSC_LINK');
  const mac = present(env, 'CSC_LINK') || present(env, 'CSC_NAME');
  const notarize =
    mac &&
    (present(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      present(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      present(env, 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'));
  return { windows, mac, notarize };
}

/** One line for the build log: what is signed and what is not, and how to change that. */
export function signingSummary({ windows, mac, notarize }) {
  const parts = [
    windows ? 'Windows: signed' : 'Windows: UNSIGNED (set CSC_LINK + CSC_KEY_PASSWORD)',
    mac ? `macOS: signed${notarize ? ' and notarised' : ', NOT notarised (set APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID)'}` : 'macOS: ad-hoc signed only (set CSC_LINK)',
  ];
  return `brook signing — ${parts.join('; ')}. Unsigned builds install and run for testing; SmartScreen and Gatekeeper will warn.`;
}

/**
 * Builds better-sqlite3 for Electron and the architecture being packaged, with the project's
 * own script, and fails the build when the module is missing: a package without its database
 * driver would only fail on the user's machine.
 */
async function buildNativeModule(context) {
  const arch = Arch[context.arch];
  if (context.electronPlatformName !== process.platform) {
    throw new Error(`Brook packages ${context.electronPlatformName} only on ${context.electronPlatformName}: better-sqlite3 is built for the host OS`);
  }
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs'), '--arch', arch], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BROOK_REQUIRE_ELECTRON: '1' },
  });
  if (result.status !== 0) throw new Error(`scripts/electron-native.mjs --arch ${arch} failed (${result.status ?? result.signal})`);
  const suffix = `-${process.platform}-${arch}.node`;
  const built = existsSync(resolve(ROOT, NATIVE_CACHE)) ? readdirSync(resolve(ROOT, NATIVE_CACHE)).filter((f) => f.endsWith(suffix)) : [];
  if (built.length === 0) throw new Error(`no Electron build of better-sqlite3 for ${process.platform}-${arch} in ${NATIVE_CACHE}`);
}

const signing = signingFrom(process.env);
if (process.env.BROOK_QUIET_CONFIG !== '1') console.log(signingSummary(signing));

const both = ['x64', 'arm64'];

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'app.brook.desktop',
  productName: 'Brook',
  copyright: 'Copyright © Brook contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // The app's files, by allow-list: the build output, the window and tray icons, package.json.
  // Everything else (src, tests, fixtures, bench, docs, scripts, configs) stays out.
  files: [
    'package.json',
    'out/**/*',
    'resources/**/*',
    '!resources/icon-1024.png',
    '!**/*.map',
    '!**/*.{ts,tsx,md,markdown}',
    // better-sqlite3's Node build, C sources and SQLite amalgamation: the Electron build below replaces them.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
    { from: NATIVE_CACHE, to: NATIVE_DIR_IN_APP, filter: ['better_sqlite3-electron-*-${platform}-${arch}.node'] },
  ],
  asar: true,
  // Native modules cannot be loaded from inside an asar. (The patterns match source paths.)
  // Native code cannot run from inside app.asar: the .node files, and sharp's libvips (a shared
  // library its .node finds beside it on disk, by relative path).
  asarUnpack: ['**/*.node', 'node_modules/@img/**'],
  npmRebuild: false,
  nodeGypRebuild: false,
  beforePack: buildNativeModule,
  publish: [{ provider: 'github', releaseType: 'draft' }],
  win: {
    icon: 'resources/icon-1024.png',
    target: [{ target: 'nsis', arch: both }],
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
  },
  mac: {
    icon: 'resources/icon-1024.png',
    category: 'public.app-category.productivity',
    target: [
      { target: 'dmg', arch: both },
      { target: 'zip', arch: both },
    ],
    artifactName: '${productName}-${version}-mac-${arch}.${ext}',
    // Unsigned: an ad-hoc signature, without which Apple silicon refuses to start the app.
    ...(signing.mac ? { hardenedRuntime: true, notarize: signing.notarize } : { identity: '-', hardenedRuntime: false, notarize: false }),
  },
  dmg: { writeUpdateInfo: false },
  linux: {
    icon: 'resources/icon-1024.png',
    category: 'Network;InstantMessaging',
    maintainer: 'Brook contributors',
    synopsis: 'A fast, private desktop chat client for many LLM providers',
    target: [
      { target: 'AppImage', arch: both },
      { target: 'deb', arch: both },
      { target: 'rpm', arch: both },
    ],
    artifactName: '${productName}-${version}-linux-${arch}.${ext}',
  },
};

export default config;
