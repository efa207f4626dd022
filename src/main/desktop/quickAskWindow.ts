import { BrowserWindow, nativeTheme, screen } from 'electron';
import Store from 'electron-store';
import { placeQuickAsk, type SavedBounds } from './placement';

export interface QuickAskWindowOptions {
  preload: string;
  load(win: BrowserWindow): void;
  harden(win: BrowserWindow): void;
  /** Called each time the window is shown (and its page is ready). */
  onShown(): void | Promise<void>;
}

/**
 * The small floating window. Created on first use, then hidden and reused so it appears at
 * once; opens on the display under the cursor, remembering where it was put there.
 */
export class QuickAskWindow {
  private win: BrowserWindow | null = null;
  private ready: Promise<void> = Promise.resolve();
  private pinned = false;
  private readonly state = new Store<{ bounds: SavedBounds | null }>({ name: 'quick-ask-window', defaults: { bounds: null } });

  constructor(private readonly options: QuickAskWindowOptions) {}

  get window(): BrowserWindow | null {
    return this.win && !this.win.isDestroyed() ? this.win : null;
  }

  isVisible(): boolean {
    return this.window?.isVisible() ?? false;
  }

  toggle(): void {
    if (this.isVisible() && this.window?.isFocused()) this.hide();
    else void this.show();
  }

  async show(): Promise<void> {
    const win = this.ensure();
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    win.setBounds(placeQuickAsk(this.state.get('bounds'), display));
    await this.ready;
    win.show();
    win.focus();
    await this.options.onShown();
  }

  hide(): void {
    this.window?.hide();
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
  }

  destroy(): void {
    this.window?.destroy();
    this.win = null;
  }

  private ensure(): BrowserWindow {
    if (this.window) return this.window;
    const win = new BrowserWindow({
      width: 680,
      height: 460,
      show: false,
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: true,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      title: 'Brook — Quick ask',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1b1f' : '#ffffff',
      webPreferences: {
        preload: this.options.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    // Above full-screen apps too, where a quick question is often asked.
    win.setAlwaysOnTop(true, 'floating');
    if (process.platform === 'darwin') win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    this.options.harden(win);
    win.on('blur', () => {
      if (!this.pinned && !win.webContents.isDevToolsOpened()) win.hide();
    });
    const remember = () => {
      if (!win.isVisible()) return;
      const display = screen.getDisplayMatching(win.getBounds());
      this.state.set('bounds', { ...win.getBounds(), displayId: display.id });
    };
    win.on('moved', remember);
    win.on('resized', remember);
    this.ready = new Promise((resolve) => win.webContents.once('did-finish-load', () => resolve()));
    this.options.load(win);
    this.win = win;
    return win;
  }
}
