import type { RendererClient } from '../client/types';
import { toErrorData } from './errors';
import type { AppStore } from './store';

/**
 * What the desktop shell does for a window: the quick-ask window's hide and pin, and the
 * hand-over to the main window. In browser mode the shell is absent: the quick view hands
 * over by navigating its own tab, and hide/pin have no meaning.
 */
export class DesktopController {
  constructor(
    private readonly client: RendererClient,
    private readonly store: AppStore,
    /** Browser mode's hand-over: this tab becomes the main view on that conversation. */
    private readonly openMainView: (conversationId: string) => void,
  ) {}

  /** True in the Electron app (the preload's IPC is there from the first moment); false in browser mode. */
  isDesktop(): boolean {
    return this.client.transport === 'ipc';
  }

  /** "Continue in Brook": the main window shows this conversation, attaching to its live answer. */
  async continueInMain(conversationId: string): Promise<void> {
    if (!this.isDesktop()) {
      this.openMainView(conversationId);
      return;
    }
    await this.run(() => this.client.request('desktop.openInMain', { conversationId }));
  }

  async hideQuickAsk(): Promise<void> {
    if (this.isDesktop()) await this.run(() => this.client.request('desktop.hideQuickAsk', {}));
  }

  /** A pinned quick-ask window stays open when it loses focus. Resolves to the state now in effect. */
  async setQuickAskPinned(pinned: boolean): Promise<boolean> {
    if (!this.isDesktop()) return false;
    const ok = await this.run(() => this.client.request('desktop.setQuickAskPinned', { pinned }));
    return ok ? pinned : !pinned;
  }

  /** The shell just showed the quick-ask window; `prefill` is clipboard text when that setting is on. */
  onQuickAskShown(listener: (prefill: string | null) => void): () => void {
    return this.client.on('desktop.quickAskShown', ({ prefill }) => listener(prefill));
  }

  private async run(call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
      return false;
    }
  }
}
