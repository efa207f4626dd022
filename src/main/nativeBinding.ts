import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The file name scripts/electron-native.mjs gives the Electron build of better-sqlite3. The
 * same name is used in node_modules/.cache/brook-native (development) and in the package's
 * unpacked `native/` folder (electron-builder.config.js copies it there).
 */
export function electronSqliteFileName(electronVersion: string, sqliteVersion: string, platform: string, arch: string): string {
  return `better_sqlite3-electron-${electronVersion}-${sqliteVersion}-${platform}-${arch}.node`;
}

/** Where the Electron build lives: unpacked beside app.asar when packaged, the build cache otherwise. */
export function electronNativeDir(options: { packaged: boolean; appPath: string; resourcesPath: string }): string {
  return options.packaged
    ? join(options.resourcesPath, 'app.asar.unpacked', 'native')
    : join(options.appPath, 'node_modules', '.cache', 'brook-native');
}

/**
 * Electron has its own Node ABI, so it loads a separate better-sqlite3 build made by
 * scripts/electron-native.mjs, while tests and browser mode keep the Node build in
 * node_modules. Neither run ever rebuilds the other's copy. Undefined when the build is
 * missing: better-sqlite3 then tries its default binding and says what is wrong.
 */
export function electronNativeBinding(dir: string): string | undefined {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('better-sqlite3/package.json');
  const { version } = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  const file = join(dir, electronSqliteFileName(process.versions.electron ?? '', version, process.platform, process.arch));
  return existsSync(file) ? file : undefined;
}
