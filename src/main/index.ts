import { app, BrowserWindow, dialog, session } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from './core/createCore';
import { AppError } from '../shared/errors';
import { contentSecurityPolicyForElectron } from './csp';
import { FileSecretStore } from './core/settings/secrets';
import { defaultState } from './core/settings/settingsState';
import { bindIpc, forwardEvents } from './ipc';
import { electronNativeBinding } from './nativeBinding';
import { SafeStorageSecretStore } from './safeStorageSecrets';
import { createMainWindow, isOwnPage, type WindowPaths } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const paths: WindowPaths = {
  preload: join(here, '../preload/index.cjs'),
  rendererUrl: !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null,
  rendererFile: join(here, '../renderer/index.html'),
};

// Tests and power users keep separate histories with BROOK_DATA_DIR.
if (process.env.BROOK_DATA_DIR) app.setPath('userData', process.env.BROOK_DATA_DIR);

const log = (message: string) => console.error(`[brook] ${message}`);
let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(paths);
    mainWindow.on('closed', () => (mainWindow = null));
  } else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.whenReady().then(start).catch((err: unknown) => {
    log(`startup failed: ${err instanceof Error ? err.message : String(err)}`);
    // Before any window exists there is no translated UI: say it in both languages.
    if (err instanceof AppError && err.messageKey === 'errors.dataDirInUse') {
      dialog.showErrorBox(
        'Brook',
        `Another Brook (process ${err.params?.pid}) is using this data folder.\n另一个 Brook（进程 ${err.params?.pid}）正在使用此数据文件夹。`,
      );
    }
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const settingsBackend = new Store<Record<string, unknown>>({ name: 'config', defaults: { ...defaultState() } });
  const secrets = SafeStorageSecretStore.available()
    ? new SafeStorageSecretStore()
    : new FileSecretStore(join(dataDir, 'keys.json'));
  core = createCore({
    dataDir,
    settingsBackend,
    secrets,
    nativeBinding: electronNativeBinding(app.getAppPath()),
    info: { mode: 'electron', version: app.getVersion(), systemLocale: app.getLocale() },
    log,
  });

  // The dev server's responses need the header; the built file carries the same policy in a meta tag.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicyForElectron(!!paths.rendererUrl)] },
    });
  });

  bindIpc(
    core,
    (event) => {
      const url = event.senderFrame?.url ?? '';
      const fromOurWindow = BrowserWindow.getAllWindows().some((w) => w.webContents.id === event.sender.id);
      return fromOurWindow && event.senderFrame === event.sender.mainFrame && isOwnPage(url, paths);
    },
    log,
  );
  forwardEvents(core, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  showMainWindow();

  app.on('activate', showMainWindow);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // Save every live answer as interrupted before the database closes.
  event.preventDefault();
  quitting = true;
  void core.shutdown().finally(() => app.quit());
});
