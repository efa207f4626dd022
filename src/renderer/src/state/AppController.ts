import type { RequestArgs } from '../../../shared/contract';
import { UNDO_DELETE_MS } from '../../../shared/contract/limits';
import type { Conversation, ConversationOrigin, ConversationParams, SearchHit, SearchPage } from '../../../shared/domain';
import type { FirstScreenData } from '../../../shared/firstScreen';
import type { RendererClient } from '../client/types';
import { AssistantsController } from './AssistantsController';
import { BackupController } from './BackupController';
import { AttachmentsController } from './AttachmentsController';
import { ChatController } from './ChatController';
import { DesktopController } from './DesktopController';
import { SettingsController } from './SettingsController';
import { TransferController } from './TransferController';
import { toErrorData } from './errors';
import { emptyChatCandidate, FIRST_LIST_ROWS, reuseEmptyChat, sortConversations, upsertConversation } from './listOps';
import { firstScreenState } from './firstScreenState';
import { newChatChoice, type ModelChoice } from './modelChoice';
import type { AppStore } from './store';
import type { SettingsSectionId } from './settingsSections';
import type { FrameScheduler } from './streamBatcher';
import { subscribeWindowEvents } from './windowEvents';
import { newChatTools, settleNewChatSwitches } from './newChatTools';

/** The main window lists every conversation; the quick-ask window starts quick asks. */
export type WindowRole = 'main' | 'quick';

export interface WindowOptions {
  role: WindowRole;
  /** Browser mode's "Continue in Brook": turn this tab into the main view on that conversation. */
  openMainView: (conversationId: string) => void;
}

/**
 * Everything the UI can do, as methods. Components read state through the store and call
 * these; none of them touches the client directly.
 */
export class AppController {
  readonly chat: ChatController;
  readonly settings: SettingsController;
  readonly desktop: DesktopController;
  readonly transfer: TransferController;
  readonly backups: BackupController;
  readonly assistants: AssistantsController;
  readonly attachments: AttachmentsController;
  /** Ends the Undo offer of the last delete. */
  private undoTimer: ReturnType<typeof setTimeout> | null = null;
  /** A "New chat" still on its way: a message sent meanwhile goes there, not to another new chat. */
  private creating: Promise<Conversation> | null = null;
  /** A conversation to show once the first load is done (a link, or "Continue in Brook" during load). */
  private pendingOpen: string | null = null;

  readonly role: WindowRole;

  constructor(
    readonly client: RendererClient,
    readonly store: AppStore,
    schedule: FrameScheduler,
    options: WindowOptions = { role: 'main', openMainView: () => {} },
  ) {
    this.role = options.role;
    this.chat = new ChatController(client, store, schedule);
    this.settings = new SettingsController(client, store);
    this.desktop = new DesktopController(client, store, options.openMainView);
    this.transfer = new TransferController(client);
    this.backups = new BackupController(client);
    this.assistants = new AssistantsController(client, store);
    this.attachments = new AttachmentsController(client);
  }

  /** What this window's new conversations are. */
  get origin(): Exclude<ConversationOrigin, 'api'> {
    return this.role === 'quick' ? 'quick' : 'chat';
  }

  /**
   * Subscribes to events and the link, then loads (and opens `openId`, if given). `firstScreen`
   * is drawn while the core's own answers are on their way. Returns the unsubscribe.
   */
  start(openId: string | null = null, firstScreen?: Promise<FirstScreenData | null>): () => void {
    this.pendingOpen = openId;
    const off = subscribeWindowEvents(this);
    this.store.setState({ connection: this.client.connectionState() });
    if (this.client.connectionState() !== 'no-token') void this.load(firstScreen);
    else this.store.setState({ ready: true });
    return off;
  }

  /** (Re)fetches all state: at start and whenever the link comes back. */
  async load(firstScreen?: Promise<FirstScreenData | null>): Promise<void> {
    const r = this.client.request.bind(this.client);
    const origin = this.role === 'quick' ? { origin: 'quick' as const } : {};
    let answered = false;
    void firstScreen?.then((copy) => {
      if (copy && !answered) this.store.setState(firstScreenState(copy));
    });
    try {
      const [info, settings, providers, conversations, desktop, health] = await Promise.all([
        r('app.info', {}),
        r('settings.get', {}),
        r('providers.list', {}),
        // One screen's worth paints first; the whole list (megabytes, for thousands) follows.
        r('conversations.list', { ...origin, limit: FIRST_LIST_ROWS }),
        r('desktop.status', {}),
        // Old data is still worth showing if the check cannot be read.
        r('history.health', {}).catch(() => null),
      ]);
      answered = true;
      const { activeId } = this.store.getState();
      const target = this.pendingOpen ?? activeId;
      this.pendingOpen = null;
      this.store.setState(firstScreenState({ info, settings, providers, conversations, desktop, health }));
      void this.chat.resyncStreaming();
      if (this.role === 'main') void this.assistants.load();
      // The web-search switch needs to know whether a keyed engine can be used.
      if (this.role === 'main') void this.settings.loadWebSearchKeys();
      const partial = conversations.length === FIRST_LIST_ROWS;
      const all = (partial && (await this.reloadConversations())) || conversations;
      if (target !== null && all.some((c) => c.id === target)) {
        await this.chat.open(target, { keepList: target === activeId });
      } else if (activeId !== null) this.chat.close();
    } catch (err) {
      answered = true;
      this.store.setState({ ready: true, notice: toErrorData(err) });
    }
  }

  /** The whole list, in one request: after the first screen, and after an import (it may bring thousands). */
  async reloadConversations(): Promise<Conversation[] | null> {
    try {
      const list = await this.client.request('conversations.list', this.role === 'quick' ? { origin: 'quick' } : {});
      this.store.setState({ conversations: sortConversations(list) });
      return list;
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
      return null;
    }
  }

  /** Shows a conversation asked for from outside: a `#conversation=` link or "Continue in Brook". */
  openLinked(conversationId: string): void {
    if (!this.store.getState().ready) {
      this.pendingOpen = conversationId;
      return;
    }
    this.store.setState({ settingsOpen: false });
    this.select(conversationId);
  }

  dismissNotice(): void {
    this.store.setState({ notice: null });
  }

  /** Opens settings at `section`, or where they were last left. */
  openSettings(section?: SettingsSectionId): void {
    this.store.setState((s) => ({ settingsOpen: true, settingsSection: section ?? s.settingsSection }));
  }

  showSettingsSection(section: SettingsSectionId): void {
    this.store.setState({ settingsSection: section });
  }

  closeSettings(): void {
    this.store.setState({ settingsOpen: false });
  }

  openSearch(): void {
    if (this.role !== 'main') return;
    this.store.setState({ searchOpen: true, settingsOpen: false });
  }

  closeSearch(): void {
    this.store.setState({ searchOpen: false });
  }

  /** Opens the hit's conversation and asks the message list to scroll to the message and highlight it. */
  openSearchHit(hit: SearchHit): void {
    const seq = (this.store.getState().focus?.seq ?? 0) + 1;
    this.store.setState({ searchOpen: false, focus: { conversationId: hit.conversationId, messageId: hit.messageId, seq } });
    void this.chat.openAt(hit.conversationId, hit.messageId);
  }

  /** Full-text search of the whole history (the dialog keeps its own results). */
  search(args: RequestArgs<'history.search'>): Promise<SearchPage> {
    return this.client.request('history.search', args);
  }

  /** The models the search dialog can filter by: every one in the history. */
  searchModels(): Promise<string[]> {
    return this.client.request('history.models', {});
  }

  /** After a restore the whole history is different: start again from the core's state. */
  historyReplaced(): void {
    this.chat.close();
    this.store.setState({ focus: null });
    void this.load();
  }

  select(id: string): void {
    if (this.store.getState().activeId === id && this.store.getState().messages) return;
    void this.chat.open(id);
  }

  /**
   * Switches to a blank chat at once (so typing goes there), then creates it; an untouched
   * "New chat" already in the list is reused rather than another piled on.
   */
  async newConversation(): Promise<Conversation | null> {
    const empty = await reuseEmptyChat(this.store, this.chat, this.origin);
    if (empty) return empty;
    this.chat.close();
    try {
      return await this.createConversation();
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
      return null;
    }
  }

  /** Quick ask's "New": back to an empty question; the next one starts a conversation with the same model. */
  startOver(): void {
    const { activeId, conversations } = this.store.getState();
    const current = conversations.find((c) => c.id === activeId);
    if (current) this.setNewChatModel({ providerId: current.providerId, model: current.model });
    this.chat.close();
  }

  setNewChatModel(choice: ModelChoice | null): void {
    this.store.setState({ newChatModel: choice });
  }

  async rename(id: string, title: string): Promise<void> {
    try {
      this.conversationUpdated(await this.client.request('conversations.rename', { id, title }));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /** Deletes at once and offers Undo for UNDO_DELETE_MS (the core purges a little later). */
  async remove(id: string): Promise<void> {
    const conversation = this.store.getState().conversations.find((c) => c.id === id) ?? null;
    try {
      await this.client.request('conversations.delete', { id });
      this.forget(id);
      if (this.undoTimer) clearTimeout(this.undoTimer);
      this.store.setState({ pendingDelete: conversation });
      this.undoTimer = setTimeout(() => this.dismissUndo(), UNDO_DELETE_MS);
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  async undoDelete(): Promise<void> {
    const pending = this.store.getState().pendingDelete;
    this.dismissUndo();
    if (!pending) return;
    try {
      this.conversationUpdated(await this.client.request('conversations.restore', { id: pending.id }));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  dismissUndo(): void {
    if (this.undoTimer) clearTimeout(this.undoTimer);
    this.undoTimer = null;
    if (this.store.getState().pendingDelete) this.store.setState({ pendingDelete: null });
  }

  async setPinned(id: string, pinned: boolean): Promise<void> {
    try {
      this.conversationUpdated(await this.client.request('conversations.setPinned', { id, pinned }));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  async setArchived(id: string, archived: boolean): Promise<void> {
    try {
      this.conversationUpdated(await this.client.request('conversations.setArchived', { id, archived }));
      if (archived && this.store.getState().activeId === id) this.chat.close();
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /**
   * The saved prompt to start with. A conversation that is open but has no messages yet
   * takes its parameters now (a copy; editing the assistant later does not change it).
   */
  async chooseAssistant(assistantId: string | null): Promise<void> {
    this.store.setState({ newChatAssistantId: assistantId });
    const { activeId, messages, assistants } = this.store.getState();
    if (!activeId || (messages && messages.conversationId === activeId && messages.list.length > 0)) return;
    const params = assistantId ? (assistants.find((a) => a.id === assistantId)?.params ?? {}) : {};
    try {
      this.conversationUpdated(await this.client.request('conversations.setParams', { id: activeId, params: { ...params } }));
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

  /** Throws, so the parameters dialog stays open and shows the reason. */
  async setParams(id: string, params: ConversationParams): Promise<void> {
    this.conversationUpdated(await this.client.request('conversations.setParams', { id, params }));
  }

  /** Throws, so the composer keeps the text and shows the reason. */
  async send(text: string, attachmentIds: readonly string[] = [], withoutImages = false): Promise<void> {
    if (this.creating) await this.creating.catch(() => null);
    const { activeId, newChatWebSearch } = this.store.getState();
    const conversationId = activeId ?? (await this.draftTarget());
    // A switch flipped before the chat existed goes with its first message.
    const webSearch = activeId === null && newChatWebSearch !== null ? newChatWebSearch : undefined;
    if (webSearch !== undefined) this.store.setState({ newChatWebSearch: null });
    const tools = activeId === null ? newChatTools.take() : null;
    if (tools !== null) await this.client.request('toolCalls.setSelection', { conversationId, choice: tools });
    await this.chat.send(conversationId, text, webSearch, attachmentIds, withoutImages);
  }

  /** The web-search switch of the open conversation, or of the next one before it exists. */
  async setWebSearch(enabled: boolean): Promise<void> {
    const { activeId } = this.store.getState();
    if (activeId === null) {
      this.store.setState({ newChatWebSearch: enabled });
      return;
    }
    try {
      this.conversationUpdated(await this.client.request('conversations.setWebSearch', { id: activeId, enabled }));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /**
   * Where a message typed with no chat open goes: an untouched "New chat" of this window's kind
   * if there is one (a reload leaves none open), set to the model the header shows; else a new one.
   */
  private async draftTarget(): Promise<string> {
    const { settings, providers, newChatModel, newChatAssistantId } = this.store.getState();
    const choice = newChatModel ?? newChatChoice(this.origin, settings, providers);
    // Marked as made from the blank chat before it opens, so the typed text and files stay with it.
    const candidate = newChatAssistantId ? null : emptyChatCandidate(this.store, this.origin);
    if (candidate) this.store.setState({ createdId: candidate.id });
    const empty = candidate ? await reuseEmptyChat(this.store, this.chat, this.origin) : null;
    if (!empty) return (await this.createConversation()).id;
    if (empty.providerId !== choice.providerId || empty.model !== choice.model) await this.setModel(empty.id, choice.providerId, choice.model);
    return empty.id;
  }

  private createConversation(): Promise<Conversation> {
    this.creating ??= this.requestConversation().finally(() => {
      this.creating = null;
    });
    return this.creating;
  }

  private async requestConversation(): Promise<Conversation> {
    const { settings, providers, newChatModel, newChatAssistantId } = this.store.getState();
    const choice = newChatModel ?? newChatChoice(this.origin, settings, providers);
    const conversation = await this.client.request('conversations.create', {
      ...choice,
      origin: this.origin,
      ...(newChatAssistantId ? { assistantId: newChatAssistantId } : {}),
    });
    this.store.setState((s) => ({ conversations: upsertConversation(s.conversations, conversation), createdId: conversation.id }));
    // A model picked while the chat was being created is the one the user wants for it.
    const picked = this.store.getState().newChatModel;
    if (picked !== null && picked !== newChatModel) await this.setModel(conversation.id, picked.providerId, picked.model);
    // A switch that cannot be saved is reported; the new chat opens all the same.
    const latest = this.store.getState().conversations.find((c) => c.id === conversation.id) ?? conversation;
    const settled = await settleNewChatSwitches(this.client, this.store, latest).catch((err: unknown) => {
      this.store.setState({ notice: toErrorData(err) });
      return conversation;
    });
    this.chat.showEmpty(settled.id);
    return settled;
  }

  /** Created, renamed or changed, here or in another window. */
  conversationUpdated(conversation: Conversation): void {
    this.store.setState((s) => ({ conversations: upsertConversation(s.conversations, conversation) }));
  }

  /** Deleted here or in another window. */
  forget(id: string): void {
    if (!this.store.getState().conversations.some((c) => c.id === id) && this.store.getState().activeId !== id) return;
    this.store.setState((s) => ({ conversations: s.conversations.filter((c) => c.id !== id) }));
    if (this.store.getState().activeId === id) this.chat.close();
  }
}
