/**
 * Browser mode: the same core without Electron. Serves the built renderer on 127.0.0.1 and
 * prints the URL (with its token) to open.
 *
 *   node out/main/serve.js [--port N] [--data-dir DIR]      (or BROOK_PORT / BROOK_DATA_DIR)
 *
 * The server starts first and the core loads beside it (`./serveCore`, a dynamic import) as soon
 * as the first window's page and files are out: a window that opens meanwhile waits for the core
 * in the socket's handshake. The core is most of a second of loading that the page no longer
 * waits behind.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../shared/errors';
import { DATABASE_FILE, dataDirHolder, defaultDataDir, startHeadlessServer, takeFirstScreenCache } from './core/pageFirst';
import { version } from '../../package.json';

/** Known once the arguments are read, so a failed start can name the folder. */
let chosenDataDir: string | null = null;

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
  chosenDataDir = dataDir;
  const portText = values.port ?? process.env.BROOK_PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portText}`);

  // Said before any URL is printed; the core still takes the lock itself.
  const holder = dataDirHolder(dataDir);
  if (holder !== null) throw new AppError('internal', { messageKey: 'errors.dataDirInUse', params: { pid: holder }, retryable: false });

  // The core loads once the first window's page and files are out: loading it blocks this
  // thread, and begun at once it held them back (firstScreen.ts).
  let loadCore!: () => void;
  const starting = new Promise<void>((resolve) => (loadCore = resolve))
    .then(() => import('./serveCore'))
    .then((m) => m.startServeCore(dataDir));
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '../renderer');
  // The list as the last clean quit left it paints while the core is still loading.
  const firstScreen = takeFirstScreenCache(dataDir, join(dataDir, DATABASE_FILE), version);
  const server = await startHeadlessServer({ core: starting, rendererDir, port, firstScreen, log: (m) => console.error(m) });
  void server.firstScreenSent.then(loadCore);
  // A core that cannot start (the folder in use, a broken database) ends the process with its reason.
  starting.catch((err: unknown) => void fail(err));
  console.log(`Brook (browser mode) data: ${dataDir}`);
  console.log(`Brook is running at ${server.url}`);
  const core = await starting;
  if (core.interruptedAtStartup > 0) {
    console.log(`Marked ${core.interruptedAtStartup} unfinished answer(s) from the last run as interrupted.`);
  }

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

let failed = false;
async function fail(err: unknown): Promise<void> {
  if (failed) return;
  failed = true;
  console.error(await startupFailureMessage(err, chosenDataDir ?? defaultDataDir()));
  process.exit(1);
}

/** What the terminal shows when browser mode cannot start, in the system's language where it can. */
async function startupFailureMessage(err: unknown, dataDir: string): Promise<string> {
  if (err instanceof AppError && err.messageKey === 'errors.dataDirInUse') {
    return `Brook is already running with this data folder (process ${err.params?.pid}). Stop it, or use --data-dir.`;
  }
  if (err instanceof AppError && err.messageKey === 'errors.portInUse') {
    return `Port ${err.params?.port} on 127.0.0.1 is taken. Choose another with --port, or 0 for a free one.`;
  }
  const { startupFailureText } = await import('./serveCore');
  return startupFailureText(err, dataDir, Intl.DateTimeFormat().resolvedOptions().locale);
}

main().catch((err: unknown) => void fail(err));
