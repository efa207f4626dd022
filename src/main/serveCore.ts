/**
 * Browser mode's core, loaded by serve.ts beside the server that serves the page: the settings
 * in a `conf` file, the keys in a file, and the translated text of a start that went wrong.
 */
import { join } from 'node:path';
import Conf from 'conf';
import { type Core, createCore, defaultState, FileSecretStore, startupFailureText } from './core';
import { version } from '../../package.json';

export function startServeCore(dataDir: string): Core {
  const settingsBackend = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'config',
    projectName: 'brook',
    // The settings are the user's alone, like the rest of the data folder.
    configFileMode: 0o600,
    defaults: { ...defaultState() },
  });
  return createCore({
    dataDir,
    settingsBackend,
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version, systemLocale: Intl.DateTimeFormat().resolvedOptions().locale },
    log: (m) => console.error(m),
    keepFirstScreen: true,
  });
}

export { startupFailureText };
