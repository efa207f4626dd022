import type { DesktopStatus, Settings } from '../../../shared/domain';

/**
 * What only a desktop shell can do: tray, global shortcut, the quick-ask window, login
 * items. The Electron shell implements it; browser mode runs without one.
 */
export interface DesktopPort {
  status(): DesktopStatus;
  /** Re-applies shortcut, login item and tray behaviour after settings change. */
  applySettings(settings: Settings): DesktopStatus;
  openInMain(conversationId: string): void;
  hideQuickAsk(): void;
  setQuickAskPinned(pinned: boolean): void;
}

/**
 * Browser mode: there is no tray, shortcut or second window. The quick view hands over to the
 * main view by navigating itself, so these requests have nothing to do here.
 */
export const noDesktop: DesktopPort = {
  status: () => ({ available: false, shortcut: null }),
  applySettings: () => ({ available: false, shortcut: null }),
  openInMain: () => {},
  hideQuickAsk: () => {},
  setQuickAskPinned: () => {},
};
