import { applyStreamEvent } from '../../../shared/messageReducer';
import type { Message, StreamSnapshot } from '../../../shared/domain';
import type { StreamEventEnvelope } from '../../../shared/streamEvents';
import type { RendererClient } from '../client/types';
import { toErrorData } from './errors';
import { InFlight } from './inFlight';
import { applySnapshot, mergeEdited, mergeRetried, mergeSent, streamingMessage } from './listOps';
import type { AppStore } from './store';
import { type FrameScheduler, StreamBatcher } from './streamBatcher';

/** Messages read when a conversation opens: a screenful and then some, whatever its length. */
const FIRST_PAGE = 60;
/** Messages read each time the reader scrolls near the oldest one shown. */
const OLDER_PAGE = 300;

export interface OpenOptions {
  /** Keep showing the current messages while the fresh ones load (a refresh, not a switch). */
  keepList?: boolean;
}

/**
 * Messages of the open conversation and its live stream. Stream events are queued outside
 * React state and applied with the shared reducer once per animation frame.
 */
export class ChatController {
  private readonly batcher: StreamBatcher;
  /** Bumps on every open, so a slow response for a conversation left behind is ignored. */
  private openSeq = 0;
  /** The message a late-attach snapshot is on its way for; its deltas are in the snapshot. */
  private attachingId: string | null = null;
  /** The older page on its way, so scrolling asks for each page once. */
  private loadingOlder: { conversationId: string; promise: Promise<boolean> } | null = null;
  /** Rows history called `streaming` with no live stream behind them: re-read once, then shown as they are. */
  private readonly reopened = new Set<string>();
  /** Conversations with a send or retry of this window on its way (its `start` precedes the response). */
  private readonly inFlight = new InFlight();

  constructor(
    private readonly client: RendererClient,
    private readonly store: AppStore,
    schedule: FrameScheduler,
  ) {
    this.batcher = new StreamBatcher(schedule, (batch) => this.applyBatch(batch));
  }

  handleStream(envelope: StreamEventEnvelope): void {
    const { conversationId, event } = envelope;
    if (event.type === 'start' || event.type === 'end') this.markStreaming(conversationId, event.type === 'start');
    // A stream that began while this window was away (a reconnect) shows up with its next text.
    else if (event.type === 'text' || event.type === 'reasoning') this.markStreaming(conversationId, true);
    const messages = this.store.getState().messages;
    if (messages?.conversationId !== conversationId) return;
    if (event.type === 'start' && this.isForeignTurn(messages.list, event.message)) {
      // Another window asked in this conversation: load its question too, then attach to the answer.
      void this.open(conversationId, { keepList: true });
      return;
    }
    if (envelope.messageId === this.attachingId && event.type !== 'end' && event.type !== 'usage') return;
    this.batcher.push(envelope);
  }

  /** Shows a conversation: its visible branch, then (if it is mid-answer) the buffered stream. */
  async open(conversationId: string, options: OpenOptions = {}): Promise<void> {
    const seq = ++this.openSeq;
    this.attachingId = null;
    this.batcher.discard(() => true);
    const keep = options.keepList === true && this.store.getState().messages?.conversationId === conversationId;
    this.store.setState(keep ? { activeId: conversationId } : { activeId: conversationId, messages: null });
    try {
      const page = await this.client.request('conversations.messagesPage', { id: conversationId, limit: FIRST_PAGE });
      if (seq !== this.openSeq) return;
      const list = page.messages;
      const live = streamingMessage(list);
      this.attachingId = live ? live.id : null;
      this.store.setState({ messages: { conversationId, list, hasOlder: page.hasOlder } });
      if (live) await this.attach(conversationId, live.id, seq);
    } catch (err) {
      if (seq !== this.openSeq) return;
      this.attachingId = null;
      this.store.setState({ messages: { conversationId, list: [] }, notice: toErrorData(err) });
    }
  }

  /** Reads the page above the oldest message shown (the reader scrolled near it). Resolves to whether more is left. */
  loadOlder(conversationId: string): Promise<boolean> {
    if (this.loadingOlder?.conversationId !== conversationId) {
      const promise = this.readOlder(conversationId).finally(() => {
        if (this.loadingOlder?.promise === promise) this.loadingOlder = null;
      });
      this.loadingOlder = { conversationId, promise };
    }
    return this.loadingOlder.promise;
  }

  private async readOlder(conversationId: string): Promise<boolean> {
    const seq = this.openSeq;
    const shown = this.store.getState().messages;
    const oldest = shown?.list[0];
    if (shown?.conversationId !== conversationId || !shown.hasOlder || !oldest) return false;
    try {
      const page = await this.client.request('conversations.messagesPage', { id: conversationId, before: oldest.id, limit: OLDER_PAGE });
      if (seq !== this.openSeq) return false;
      this.store.setState((s) =>
        s.messages?.conversationId === conversationId && s.messages.list[0]?.id === oldest.id
          ? { messages: { conversationId, list: [...page.messages, ...s.messages.list], hasOlder: page.hasOlder } }
          : {},
      );
      return page.hasOlder;
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
      return false;
    }
  }

  /** A brand-new conversation has no history to fetch. */
  showEmpty(conversationId: string): void {
    ++this.openSeq;
    this.attachingId = null;
    this.batcher.discard(() => true);
    this.store.setState({ activeId: conversationId, messages: { conversationId, list: [] } });
  }

  close(): void {
    ++this.openSeq;
    this.attachingId = null;
    this.batcher.discard(() => true);
    this.store.setState({ activeId: null, messages: null });
  }

  /** Throws on failure so the composer can keep the text and show why. `withoutImages`: see chat.send. */
  async send(conversationId: string, text: string, webSearch?: boolean, attachmentIds: readonly string[] = [], withoutImages = false): Promise<void> {
    const args = {
      conversationId,
      text,
      ...(webSearch === undefined ? {} : { webSearch }),
      ...(attachmentIds.length === 0 ? {} : { attachmentIds: [...attachmentIds] }),
      ...(withoutImages ? { withoutImages } : {}),
    };
    const { userMessage, assistantMessage } = await this.inFlight.run(conversationId, () => this.client.request('chat.send', args));
    this.updateList(conversationId, (list) => mergeSent(list, userMessage, assistantMessage));
  }

  /**
   * Edits a question (a new branch) with the attachments still on it; throws so the editor can
   * keep the text and show why.
   */
  async edit(conversationId: string, messageId: string, text: string, attachmentIds: readonly string[] = []): Promise<void> {
    const { userMessage, assistantMessage } = await this.inFlight.run(conversationId, () =>
      this.client.request('chat.edit', { conversationId, messageId, text, attachmentIds: [...attachmentIds] }),
    );
    this.updateList(conversationId, (list) => mergeEdited(list, messageId, userMessage, assistantMessage));
  }

  /**
   * Opens a conversation showing `messageId` (a search hit): when it is on another branch,
   * that branch becomes the visible one.
   */
  async openAt(conversationId: string, messageId: string): Promise<void> {
    const current = this.store.getState().messages;
    if (this.store.getState().activeId !== conversationId || current?.conversationId !== conversationId) await this.open(conversationId);
    // The hit may be above the newest page: read older pages until it shows up or the branch ends.
    while (this.isAbove(conversationId, messageId) && (await this.loadOlder(conversationId)));
    const shown = this.store.getState().messages;
    if (!shown || shown.conversationId !== conversationId || shown.list.some((m) => m.id === messageId)) return;
    // Switching is refused while an answer streams; the hit then waits for the user.
    if (streamingMessage(shown.list)) return;
    await this.switchBranch(conversationId, messageId);
  }

  /** ‹ › : shows another alternative and the branch below it. */
  async switchBranch(conversationId: string, messageId: string): Promise<void> {
    const seq = this.openSeq;
    try {
      const list = await this.client.request('conversations.switchBranch', { id: conversationId, messageId });
      if (seq !== this.openSeq) return;
      // The whole new branch: nothing older is left to read.
      this.store.setState((s) => (s.messages?.conversationId === conversationId ? { messages: { conversationId, list } } : {}));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /** Deletes a message and the replies below it; the view becomes the branch the core now shows. */
  async deleteMessage(conversationId: string, messageId: string): Promise<void> {
    try {
      const { messages: list } = await this.client.request('conversations.deleteMessage', { id: conversationId, messageId });
      this.store.setState((s) => (s.messages?.conversationId === conversationId ? { messages: { conversationId, list } } : {}));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  async stop(conversationId: string): Promise<void> {
    try {
      await this.client.request('chat.stop', { conversationId });
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  async retry(conversationId: string, messageId: string): Promise<void> {
    try {
      const { assistantMessage } = await this.inFlight.run(conversationId, () =>
        this.client.request('chat.retry', { conversationId, messageId }),
      );
      this.updateList(conversationId, (list) => mergeRetried(list, messageId, assistantMessage));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /**
   * `chat.continue` reopens a cut-off answer: the core's `start` carries the same message
   * (now streaming) and its deltas append to it, so the stream alone updates the list.
   */
  async continueAnswer(conversationId: string, messageId: string): Promise<void> {
    try {
      await this.inFlight.run(conversationId, () => this.client.request('chat.continue', { conversationId, messageId }));
    } catch (err) {
      this.store.setState({ notice: toErrorData(err) });
    }
  }

  /**
   * After the link came back: stream ends may have been missed, so the spinners are rebuilt
   * from what the core says now. Streams that began meanwhile reappear with their next delta.
   */
  async resyncStreaming(): Promise<void> {
    const previous = [...this.store.getState().streamingIds];
    this.store.setState({ streamingIds: new Set() });
    await Promise.all(
      previous.map(async (conversationId) => {
        const snapshot = await this.client.request('chat.attach', { conversationId }).catch(() => null);
        if (snapshot) this.markStreaming(conversationId, true);
      }),
    );
  }

  private async attach(conversationId: string, messageId: string, seq: number): Promise<void> {
    let snapshot: StreamSnapshot | null;
    try {
      snapshot = await this.client.request('chat.attach', { conversationId });
    } catch (err) {
      if (seq !== this.openSeq) return;
      this.attachingId = null;
      this.store.setState({ notice: toErrorData(err) });
      return;
    }
    if (seq !== this.openSeq) return;
    this.attachingId = null;
    this.batcher.discard((e) => e.messageId === messageId && (e.event.type === 'text' || e.event.type === 'reasoning'));
    const current = this.store.getState().messages?.list ?? [];
    const stillLive = streamingMessage(current)?.id === messageId;
    if (snapshot && snapshot.messageId === messageId) {
      this.markStreaming(conversationId, true);
      if (stillLive) this.updateList(conversationId, (list) => applySnapshot(list, snapshot));
    } else if (snapshot || (stillLive && !this.reopened.has(messageId))) {
      // The stream ended (or another began) between the two requests: history is authoritative.
      if (!snapshot) this.reopened.add(messageId);
      await this.open(conversationId, { keepList: true });
    } else if (stillLive) {
      // No stream behind a `streaming` row even on a second look: a crash left it; the next start marks it interrupted.
      this.markStreaming(conversationId, false);
    }
  }

  /** `messageId` is not in the list shown for the conversation, which has older pages still unread. */
  private isAbove(conversationId: string, messageId: string): boolean {
    const shown = this.store.getState().messages;
    return shown?.conversationId === conversationId && shown.hasOlder === true && !shown.list.some((m) => m.id === messageId);
  }

  /** A `start` whose question this window does not have, and did not just send. */
  private isForeignTurn(list: readonly Message[], assistant: Message): boolean {
    if (this.inFlight.has(assistant.conversationId)) return false;
    return assistant.parentId !== null && !list.some((m) => m.id === assistant.parentId);
  }

  private applyBatch(batch: readonly StreamEventEnvelope[]): void {
    const messages = this.store.getState().messages;
    if (!messages) return;
    let list: readonly Message[] = messages.list;
    let missedEnd = false;
    for (const envelope of batch) {
      if (envelope.conversationId !== messages.conversationId) continue;
      if (envelope.event.type === 'end' && !list.some((m) => m.id === envelope.messageId)) missedEnd = true;
      list = applyStreamEvent(list, envelope);
    }
    if (list !== messages.list) this.store.setState({ messages: { ...messages, list } });
    if (missedEnd) void this.open(messages.conversationId, { keepList: true });
  }

  private updateList(conversationId: string, update: (list: readonly Message[]) => Message[]): void {
    this.store.setState((s) =>
      s.messages?.conversationId === conversationId
        ? { messages: { ...s.messages, list: update(s.messages.list) } }
        : {},
    );
  }

  /** Checked before setState: deltas call this many times a second and must not wake every subscriber. */
  private markStreaming(conversationId: string, live: boolean): void {
    if (this.store.getState().streamingIds.has(conversationId) === live) return;
    this.store.setState((s) => {
      const next = new Set(s.streamingIds);
      if (live) next.add(conversationId);
      else next.delete(conversationId);
      return { streamingIds: next };
    });
  }
}
