import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Electron has its own Node ABI, so it loads a separate better-sqlite3 build made by
 * scripts/electron-native.mjs, while tests and browser mode keep the Node build in
 * node_modules. Neither run ever rebuilds the other's copy.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('better-sqlite3/package.json');
  const { version } = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  const name = `better_sqlite3-electron-${process.versions.electron}-${version}-${process.platform}-${process.arch}.node`;
  const file = join(appRoot, 'node_modules', '.cache', 'brook-native', name);
  // A packaged app has its modules rebuilt by the packager; then the default binding is right.
  return existsSync(file) ? file : undefined;
}
