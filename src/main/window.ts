import { BrowserWindow, nativeTheme, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { isSafeExternalUrl } from './core';
import { appPageUrl } from './appUrl';

export type Page = 'index' | 'quick';

export interface WindowPaths {
  preload: string;
  quickPreload: string;
  /** The dev server URL in development, else null (built files are loaded). */
  devServerUrl: string | null;
  rendererDir: string;
  resourcesDir: string;
}

/** `hash` (e.g. `conversation=<id>`) reaches the page before any event could. */
export function loadPage(win: BrowserWindow, paths: WindowPaths, page: Page, hash?: string): void {
  if (paths.devServerUrl) {
    const url = new URL(`${page}.html`, paths.devServerUrl.replace(/\/?$/, '/'));
    if (hash) url.hash = hash;
    void win.loadURL(url.href);
  } else void win.loadURL(appPageUrl(page, hash));
}

export function createMainWindow(paths: WindowPaths, hash?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1180,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Brook',
    icon: join(paths.resourcesDir, 'icon.png'),
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1b1f' : '#ffffff',
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
  loadPage(win, paths, 'index', hash);
  return win;
}

/** Our own pages (main and quick ask); anything else is navigation away from the app. */
export function isOwnPage(url: string, paths: WindowPaths): boolean {
  if (paths.devServerUrl) {
    try {
      return new URL(url).origin === new URL(paths.devServerUrl).origin;
    } catch {
      return false;
    }
  }
  const bare = url.split('#')[0]?.split('?')[0];
  return (['index', 'quick'] as const).some((page) => bare === appPageUrl(page));
}

export function harden(contents: WebContents, paths: WindowPaths): void {
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
