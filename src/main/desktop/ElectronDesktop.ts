import { app, clipboard } from 'electron';
import type { DesktopStatus, Settings } from '../../shared/domain';
import type { DesktopPort, EventBus } from '../core';
import { harden, loadPage, type WindowPaths } from '../window';
import { QuickAskWindow } from './quickAskWindow';
import { ShortcutRegistration } from './shortcut';
import { BrookTray } from './tray';
import { trayLabels } from './trayLabels';

/** Clipboard text beyond this is not a question; it would only slow the window down. */
const MAX_PREFILL_CHARS = 100_000;

export interface ElectronDesktopOptions {
  paths: WindowPaths;
  systemLocale: string;
  /** Returns true when the window had to be created, in which case it opens `hash` itself. */
  showMain(hash?: string): boolean;
  quit(): void;
}

/** Tray, global shortcut, quick-ask window and login item: the desktop half of Brook. */
export class ElectronDesktop implements DesktopPort {
  readonly quickAsk: QuickAskWindow;
  private readonly shortcut: ShortcutRegistration;
  private tray: BrookTray | null = null;
  private bus: EventBus | null = null;
  private settings: Settings | null = null;

  constructor(private readonly options: ElectronDesktopOptions) {
    this.shortcut = new ShortcutRegistration(() => this.toggleQuickAsk());
    this.quickAsk = new QuickAskWindow({
      preload: options.paths.quickPreload,
      load: (win) => loadPage(win, options.paths, 'quick'),
      harden: (win) => harden(win.webContents, options.paths),
      onShown: async () => {
        const prefill = this.settings?.quickAsk.prefillFromClipboard ? await clipboardText() : null;
        this.bus?.emit('desktop.quickAskShown', { prefill });
      },
    });
  }

  /** Called once the core exists (it needs this port, and this needs its bus). */
  start(bus: EventBus, settings: Settings): void {
    this.bus = bus;
    const labels = trayLabels(settings.language, this.options.systemLocale);
    this.tray = new BrookTray(
      this.options.paths.resourcesDir,
      {
        quickAsk: () => void this.quickAsk.show(),
        newChat: () => this.command('newChat'),
        show: () => void this.options.showMain(),
        settings: () => this.command('openSettings'),
        quit: () => this.options.quit(),
      },
      labels,
    );
    this.applySettings(settings);
  }

  hasTray(): boolean {
    return this.tray !== null && !this.tray.isDestroyed();
  }

  /** What the global shortcut does. */
  toggleQuickAsk(): void {
    this.quickAsk.toggle();
  }

  closeToTray(): boolean {
    return (this.settings?.closeToTray ?? true) && this.tray !== null && !this.tray.isDestroyed();
  }

  status(): DesktopStatus {
    return { available: true, shortcut: this.shortcut.state() };
  }

  applySettings(settings: Settings): DesktopStatus {
    this.settings = settings;
    this.shortcut.apply(settings.quickAsk.shortcut);
    this.tray?.setLabels(trayLabels(settings.language, this.options.systemLocale));
    // Linux has no login-item API in Electron; the setting is then simply without effect.
    if (process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin: settings.openAtLogin });
    return this.status();
  }

  openInMain(conversationId: string): void {
    this.quickAsk.hide();
    // A window created just now would miss the event: it gets the conversation in its URL.
    const created = this.options.showMain(`conversation=${encodeURIComponent(conversationId)}`);
    if (!created) this.bus?.emit('desktop.openConversation', { conversationId });
  }

  hideQuickAsk(): void {
    this.quickAsk.hide();
  }

  setQuickAskPinned(pinned: boolean): void {
    this.quickAsk.setPinned(pinned);
  }

  dispose(): void {
    this.shortcut.dispose();
    this.tray?.destroy();
    this.quickAsk.destroy();
  }

  private command(command: 'newChat' | 'openSettings'): void {
    this.options.showMain();
    this.bus?.emit('desktop.command', { command });
  }
}

async function clipboardText(): Promise<string | null> {
  const text = (await clipboard.readText()).trim();
  return text === '' ? null : text.slice(0, MAX_PREFILL_CHARS);
}
