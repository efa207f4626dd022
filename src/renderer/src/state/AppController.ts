import type { Conversation } from '../../../shared/domain';
import type { RendererClient } from '../client/types';
import { ChatController } from './ChatController';
import { SettingsController } from './SettingsController';
import { toErrorData } from './errors';
import { sortConversations, upsertConversation } from './listOps';
import type { AppStore } from './store';
import type { FrameScheduler } from './streamBatcher';

/**
 * Everything the UI can do, as methods. Components read state through the store and call
 * these; none of them touches the client directly.
 */
export class AppController {
  readonly chat: ChatController;
  readonly settings: SettingsController;
  /** A "New chat" still on its way: a message sent meanwhile goes there, not to another new chat. */
  private creating: Promise<Conversation> | null = null;

  constructor(
    readonly client: RendererClient,
    readonly store: AppStore,
    schedule: FrameScheduler,
  ) {
    this.chat = new ChatController(client, store, schedule);
    this.settings = new SettingsController(client, store);
  }

  /** Subscribes to events and the link, then loads. Returns the unsubscribe. */
  start(): () => void {
    const offs = [
      this.client.on('stream', (envelope) => this.chat.handleStream(envelope)),
      this.client.on('conversation.updated', (conversation) => this.conversationUpdated(conversation)),
      this.client.onConnectionChange(({ state, resync }) => {
        this.store.setState({ connection: state });
        if (state === 'open' && resync) void this.load();
      }),
    ];
    this.store.setState({ connection: this.client.connectionState() });
    if (this.client.connectionState() !== 'no-token') void this.load();
    else this.store.setState({ ready: true });
    return () => offs.forEach((off) => off());
  }

  /** (Re)fetches all state: at start and whenever the link comes back. */
  async load(): Promise<void> {
    try {
      const [info, settings, providers, conversations] = await Promise.all([
        this.client.request('app.info', {}),
        this.client.request('settings.get', {}),
        this.client.request('providers.list', {}),
        this.client.request('conversations.list', {}),
      ]);
      const { activeId } = this.store.getState();
      const stillThere = activeId !== null && conversations.some((c) => c.id === activeId);
      this.store.setState({
        ready: true,
        info,
        settings,
        providers,
        conversations: sortConversations(conversations),
        notice: null,
      });
      if (stillThere) await this.chat.open(activeId);
      else if (activeId !== null) this.chat.close();
    } catch (err) {
      this.store.setState({ ready: true, notice: toErrorData(err) });
    }
  }

  dismissNotice(): void {
    this.store.setState({ notice: null });
  }

  openSettings(): void {
    this.store.setState({ settingsOpen: true });
  }

  closeSettings(): void {
    this.store.setState({ settingsOpen: false });
  }

  select(id: string): void {
    if (this.store.getState().activeId === id && this.store.getState().messages) return;
    void this.chat.open(id);
  }

  /** Switches to a blank chat at once (so typing goes there), then creates it. */
  async newConversation(): Promise<Conversation | null> {
    this.chat.close();
    try {
      return await this.createConversation();
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
      return null;
    }
  }

  async rename(id: string, title: string): Promise<void> {
    try {
      this.conversationUpdated(await this.client.request('conversations.rename', { id, title }));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await this.client.request('conversations.delete', { id });
      this.store.setState((s) => ({ conversations: s.conversations.filter((c) => c.id !== id) }));
      if (this.store.getState().activeId === id) this.chat.close();
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  async setModel(id: string, providerId: string | null, model: string | null): Promise<void> {
    try {
      this.conversationUpdated(await this.client.request('conversations.update', { id, providerId, model }));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /** Throws, so the composer keeps the text and shows the reason. */
  async send(text: string): Promise<void> {
    if (this.creating) await this.creating.catch(() => null);
    const conversationId = this.store.getState().activeId ?? (await this.createConversation()).id;
    await this.chat.send(conversationId, text);
  }

  private createConversation(): Promise<Conversation> {
    this.creating ??= this.requestConversation().finally(() => {
      this.creating = null;
    });
    return this.creating;
  }

  private async requestConversation(): Promise<Conversation> {
    const { settings, providers } = this.store.getState();
    const preferred = providers.find((p) => p.id === settings?.defaultProviderId) ?? providers[0];
    const conversation = await this.client.request('conversations.create', {
      providerId: preferred?.id ?? null,
      model: null,
    });
    this.store.setState((s) => ({
      conversations: upsertConversation(s.conversations, conversation),
      createdId: conversation.id,
    }));
    this.chat.showEmpty(conversation.id);
    return conversation;
  }

  private conversationUpdated(conversation: Conversation): void {
    this.store.setState((s) => ({ conversations: upsertConversation(s.conversations, conversation) }));
  }
}

