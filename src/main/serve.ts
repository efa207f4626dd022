/**
 * Browser mode: the same core without Electron. Serves the built renderer on 127.0.0.1 and
 * prints the URL (with its token) to open.
 *
 *   node out/main/serve.js [--port N] [--data-dir DIR]      (or BROOK_PORT / BROOK_DATA_DIR)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { createCore, defaultDataDir, defaultState, FileSecretStore, startHeadlessServer } from './core';
import { version } from '../../package.json';
import { AppError } from '../shared/errors';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: node out/main/serve.js [--port N] [--data-dir DIR]');
    return;
  }
  const dataDir = values['data-dir'] ?? process.env.BROOK_DATA_DIR ?? defaultDataDir();
  const portText = values.port ?? process.env.BROOK_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portText}`);

  const settingsBackend = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'config',
    projectName: 'brook',
    // The settings are the user's alone, like the rest of the data folder.
    configFileMode: 0o600,
    defaults: { ...defaultState() },
  });
  const core = createCore({
    dataDir,
    settingsBackend,
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version, systemLocale: Intl.DateTimeFormat().resolvedOptions().locale },
    log: (m) => console.error(m),
  });
  if (core.interruptedAtStartup > 0) {
    console.log(`Marked ${core.interruptedAtStartup} unfinished answer(s) from the last run as interrupted.`);
  }
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '../renderer');
  const server = await startHeadlessServer({ core, rendererDir, port, log: (m) => console.error(m) });
  console.log(`Brook (browser mode) data: ${dataDir}`);
  console.log(`Brook is running at ${server.url}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await core.shutdown();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err: unknown) => {
  if (err instanceof AppError && err.messageKey === 'errors.dataDirInUse') {
    console.error(`Brook is already running with this data folder (process ${err.params?.pid}). Stop it, or use --data-dir.`);
  } else if (err instanceof AppError && err.messageKey === 'errors.portInUse') {
    console.error(`Port ${err.params?.port} on 127.0.0.1 is taken. Choose another with --port, or 0 for a free one.`);
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
