import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Brook';

/** The history's SQLite file in the data folder. */
export const DATABASE_FILE = 'brook.sqlite';

/**
 * The folder Electron's `app.getPath('userData')` gives Brook on each platform, so browser
 * mode and the desktop app find the same history by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}
