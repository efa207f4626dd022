import { BrowserWindow, nativeTheme, shell, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { isSafeExternalUrl } from './core/security/externalUrl';

export interface WindowPaths {
  preload: string;
  /** The dev server URL in development, else the built index.html. */
  rendererUrl: string | null;
  rendererFile: string;
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1180,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Brook',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  harden(win.webContents, paths);
  win.once('ready-to-show', () => win.show());
  if (paths.rendererUrl) void win.loadURL(paths.rendererUrl);
  else void win.loadFile(paths.rendererFile);
  return win;
}

export function isOwnPage(url: string, paths: WindowPaths): boolean {
  if (paths.rendererUrl) {
    try {
      return new URL(url).origin === new URL(paths.rendererUrl).origin;
    } catch {
      return false;
    }
  }
  return url.split('#')[0]?.split('?')[0] === pathToFileURL(paths.rendererFile).href;
}

function harden(contents: WebContents, paths: WindowPaths): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isOwnPage(url, paths)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
}
