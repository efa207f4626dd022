import { app, BrowserWindow, dialog, session } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../shared/errors';
import { type Core, createCore, defaultState, FileSecretStore } from './core';
import { contentSecurityPolicyForElectron } from './csp';
import { ElectronDesktop } from './desktop/ElectronDesktop';
import { bindIpc, forwardEvents } from './ipc';
import { electronNativeBinding, electronNativeDir } from './nativeBinding';
import { SafeStorageSecretStore } from './safeStorageSecrets';
import { createElectronUpdateEngine } from './updater';
import { createMainWindow, isOwnPage, type WindowPaths } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const paths: WindowPaths = {
  preload: join(here, '../preload/index.cjs'),
  quickPreload: join(here, '../preload/quick.cjs'),
  devServerUrl: !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null,
  rendererDir: join(here, '../renderer'),
  resourcesDir: join(app.getAppPath(), 'resources'),
};

// Tests and power users keep separate histories with BROOK_DATA_DIR.
if (process.env.BROOK_DATA_DIR) app.setPath('userData', process.env.BROOK_DATA_DIR);

const log = (message: string) => console.error(`[brook] ${message}`);
let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
let desktop: ElectronDesktop | null = null;
let quitting = false;

/** Shows the main window; returns true when it had to be created (and so loads `hash`). */
function showMainWindow(hash?: string): boolean {
  if (!mainWindow || mainWindow.isDestroyed()) {
    const win = createMainWindow(paths, hash);
    win.on('close', (event) => {
      // Closing keeps Brook in the tray, so the shortcut and quick ask keep working.
      if (!quitting && desktop?.closeToTray()) {
        event.preventDefault();
        win.hide();
      }
    });
    win.on('closed', () => (mainWindow = null));
    mainWindow = win;
    return true;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  return false;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showMainWindow());
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
  const settingsBackend = new Store<Record<string, unknown>>({ name: 'config', configFileMode: 0o600, defaults: { ...defaultState() } });
  const secrets = SafeStorageSecretStore.available()
    ? new SafeStorageSecretStore()
    : new FileSecretStore(join(dataDir, 'keys.json'));
  const systemLocale = app.getLocale();
  desktop = new ElectronDesktop({ paths, systemLocale, showMain: showMainWindow, quit: () => app.quit() });
  core = createCore({
    dataDir,
    settingsBackend,
    secrets,
    nativeBinding: electronNativeBinding(electronNativeDir({ packaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath })),
    info: { mode: 'electron', version: app.getVersion(), systemLocale },
    desktop,
    log,
    updateEngine: createElectronUpdateEngine(log),
  });

  // The dev server's responses need the header; built files carry the policy in a meta tag.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicyForElectron(!!paths.devServerUrl)] },
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
  desktop.start(core.bus, core.settings.read().settings);
  if (process.env.BROOK_TEST_HOOKS === '1') Object.assign(globalThis, { __brookDesktop: desktop });
  showMainWindow();

  app.on('activate', () => showMainWindow());
}

app.on('window-all-closed', () => {
  // With the tray (or on macOS) Brook keeps running; otherwise closing the last window quits.
  if (process.platform !== 'darwin' && !desktop?.closeToTray()) app.quit();
});

app.on('before-quit', (event) => {
  quitting = true;
  if (!core) return;
  // Save every live answer as interrupted before the database closes.
  event.preventDefault();
  const closing = core;
  core = null;
  desktop?.dispose();
  void closing.shutdown().finally(() => app.quit());
});
