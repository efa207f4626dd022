import type { Message, StreamSnapshot } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { EventBus } from '../events';
import type { HistoryStore } from '../history/HistoryStore';
import type { ProviderService } from '../settings/ProviderService';
import { BatchedForwarder } from '../stream/batchedForwarder';
import type { StreamListener, StreamManager, StreamOutcome } from '../stream/StreamManager';
import { buildContext, titleFromText } from './buildContext';

export interface ChatServiceOptions {
  /** How often streamed text is written to the database; at most a second is lost on a crash. */
  checkpointMs?: number;
  /** How often deltas reach windows; about one animation frame. */
  windowBatchMs?: number;
  log?: (message: string) => void;
}

const FINAL_WRITE_RETRY_MS = 1000;

/** Runs turns: saves what the user typed, streams the answer, keeps history current. */
export class ChatService {
  private readonly checkpointMs: number;
  private readonly windowBatchMs: number;
  /** Per live stream: the batch of deltas not yet sent to windows. */
  private readonly forwarders = new Map<string, BatchedForwarder>();
  /** Conversations being deleted: no new turn may start in them. */
  private readonly closing = new Set<string>();
  private readonly log: (message: string) => void;

  constructor(
    private readonly history: HistoryStore,
    private readonly providers: ProviderService,
    private readonly streams: StreamManager,
    private readonly bus: EventBus,
    options: ChatServiceOptions = {},
  ) {
    this.checkpointMs = options.checkpointMs ?? 500;
    this.windowBatchMs = options.windowBatchMs ?? 16;
    this.log = options.log ?? (() => {});
  }

  send(conversationId: string, text: string): { userMessage: Message; assistantMessage: Message } {
    const conversation = this.history.requireConversation(conversationId);
    this.assertIdle(conversationId);
    // Resolve before saving anything, so a missing provider is an error the composer shows
    // while it still holds the text.
    const target = this.target(conversation.providerId, conversation.model);
    const path = this.history.visiblePath(conversationId);
    const parentId = path.at(-1)?.id ?? null;
    const userMessage = this.history.appendMessage({ conversationId, parentId, role: 'user', content: text, status: 'done' });
    if (conversation.title === '') {
      this.bus.emit('conversation.updated', this.history.renameConversation(conversationId, titleFromText(text)));
    }
    const assistantMessage = this.startAnswer(conversationId, userMessage, [...path, userMessage], target);
    return { userMessage, assistantMessage };
  }

  /** A new answer to the same user message, as a sibling branch; the old one is kept. */
  retry(conversationId: string, messageId: string): { assistantMessage: Message } {
    const conversation = this.history.requireConversation(conversationId);
    this.assertIdle(conversationId);
    const old = this.history.requireMessage(messageId);
    if (old.conversationId !== conversationId || old.role !== 'assistant' || !old.parentId) {
      throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false });
    }
    const target = this.target(conversation.providerId, conversation.model);
    const parent = this.history.requireMessage(old.parentId);
    this.history.setCurrentLeaf(conversationId, parent.id);
    const path = this.history.visiblePath(conversationId);
    return { assistantMessage: this.startAnswer(conversationId, parent, path, target) };
  }

  async stop(conversationId: string): Promise<void> {
    await this.streams.stop(conversationId);
  }

  /** Stops any answer first, and refuses new turns meanwhile, so nothing streams into a deleted row. */
  async deleteConversation(conversationId: string): Promise<void> {
    this.closing.add(conversationId);
    try {
      await this.streams.stop(conversationId);
      this.history.deleteConversation(conversationId);
    } finally {
      this.closing.delete(conversationId);
    }
  }

  /**
   * Flushes pending deltas first, so the snapshot holds exactly the text already sent as
   * events: a window adds only deltas that arrive after this answer, and nothing twice.
   */
  attach(conversationId: string): StreamSnapshot | null {
    this.forwarders.get(conversationId)?.flush();
    const s = this.streams.snapshot(conversationId);
    return s && { conversationId, messageId: s.messageId, content: s.content, reasoning: s.reasoning };
  }

  private startAnswer(
    conversationId: string,
    parent: Message,
    path: readonly Message[],
    target: { providerId: string; model: string; provider: ReturnType<ProviderService['resolve']>['provider'] },
  ): Message {
    const assistant = this.history.appendMessage({
      conversationId,
      parentId: parent.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      providerId: target.providerId,
      model: target.model,
    });
    this.bus.emit('stream', { conversationId, messageId: assistant.id, event: { type: 'start', message: assistant } });
    const messages = buildContext(path);
    void this.streams.start(
      conversationId,
      assistant.id,
      (signal) => target.provider.stream({ model: target.model, messages }, signal),
      // Windows first: their pending deltas must flush before persistence emits `end`.
      [this.windows(conversationId, assistant.id), this.persistence(assistant)],
    );
    return assistant;
  }

  private persistence(assistant: Message): StreamListener {
    const messageId = assistant.id;
    let lastWrite = Date.now();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending: { content: string; reasoning: string } | null = null;
    const schedule = () => {
      timer = setTimeout(write, Math.max(0, this.checkpointMs - (Date.now() - lastWrite)));
    };
    const write = () => {
      timer = null;
      if (!pending) return;
      lastWrite = Date.now();
      try {
        this.history.checkpoint(messageId, pending.content, pending.reasoning);
        pending = null;
      } catch (err) {
        // A busy or full disk must not crash the app; the text stays in memory and is retried.
        this.log(`checkpoint failed: ${AppError.from(err).messageKey}`);
        schedule();
      }
    };
    const onChange = (_: string, state: { content: string; reasoning: string }) => {
      pending = { content: state.content, reasoning: state.reasoning };
      if (!timer) schedule();
    };
    return {
      onText: onChange,
      onReasoning: onChange,
      onEnd: (outcome, state) => {
        if (timer) clearTimeout(timer);
        const finish = { ...finishFields(outcome), content: state.content, reasoning: state.reasoning, usage: state.usage };
        let message: Message;
        try {
          message = this.history.finishMessage(messageId, finish);
        } catch (err) {
          this.log(`saving the finished answer failed: ${AppError.from(err).messageKey}; retrying`);
          setTimeout(() => {
            try {
              this.history.finishMessage(messageId, finish);
            } catch {
              // Still failing: the last checkpoint stays, and the next start marks it interrupted.
            }
          }, FINAL_WRITE_RETRY_MS);
          // Windows must still learn the answer ended, from what is in memory.
          message = { ...assistant, ...finish, updatedAt: Date.now() };
        }
        this.bus.emit('stream', { conversationId: state.conversationId, messageId, event: { type: 'end', message } });
      },
    };
  }

  private windows(conversationId: string, messageId: string): StreamListener {
    const forwarder = new BatchedForwarder(
      (event) => this.bus.emit('stream', { conversationId, messageId, event }),
      this.windowBatchMs,
    );
    this.forwarders.set(conversationId, forwarder);
    return {
      onText: (text) => forwarder.addText(text),
      onReasoning: (text) => forwarder.addReasoning(text),
      onUsage: (usage) => forwarder.usage(usage),
      onEnd: () => {
        forwarder.flush();
        this.forwarders.delete(conversationId);
      },
    };
  }

  private target(providerId: string | null, model: string | null) {
    const { record, provider } = this.providers.resolve(providerId);
    const chosenModel = (record.id === providerId ? model : null) || record.defaultModel;
    if (!chosenModel) throw new AppError('bad_request', { messageKey: 'errors.noModel', retryable: false });
    return { providerId: record.id, model: chosenModel, provider };
  }

  private assertIdle(conversationId: string): void {
    if (this.closing.has(conversationId)) throw new AppError('not_found', { detail: `conversation ${conversationId}` });
    if (this.streams.isActive(conversationId)) {
      throw new AppError('bad_request', { messageKey: 'errors.streamActive', retryable: false });
    }
  }
}

function finishFields(outcome: StreamOutcome) {
  switch (outcome.status) {
    case 'done':
      return { status: 'done' as const, error: null };
    case 'stopped':
      return { status: 'stopped' as const, error: null };
    case 'interrupted':
      return { status: 'interrupted' as const, error: null };
    case 'error':
      return { status: 'error' as const, error: outcome.error.toJSON() };
  }
}
