import type { Attachment } from '../../../shared/attachments';
import type { Conversation, Message, ProviderKind, StreamSnapshot } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { UNDO_DELETE_MS } from '../../../shared/contract';
import { effectiveCapabilities, modelEntry, type ReasoningControl, reasoningControl } from '../../../shared/modelCatalog';
import { PREFILL_SUPPORT } from '../../../shared/providerCatalog';
import { hasNativeSearch } from '../../../shared/webSearch';
import { type EventBus, outputReserve } from '../base';
import { deleteMessageBranch, type HistoryStore, type MessageDeletion } from '../history';
import { continueRequest, type Provider, type ProviderRequest } from '../providers';
import { contextWindowFor, type ProviderService } from '../settings';
import { type AnswerSource, AnswerStreams, type StreamManager } from '../streaming';
import { assertCanSeeImages, attachImages, imagesIn, type AttachmentSource } from './attachmentContext';
import { titleFromText } from './buildContext';
import { type NewestTurn, planTurn, type TurnPlan } from './contextPlan';
import { checkParams } from './checkParams';
import { dropRepeatedSeam } from './seamFilter';
import { searchingSource, unsearchedSource } from './searchingSource';
import type { WebSearchService } from '../websearch';
import type { ToolHost } from '../tools';
import { ToolCalling } from './toolCalling';
import type { ToolImageStore } from './toolImages';

export interface ChatServiceOptions {
  /** How often streamed text is written to the database; at most a second is lost on a crash. */
  checkpointMs?: number;
  /** How often deltas reach windows; about one animation frame. */
  windowBatchMs?: number;
  log?: (message: string) => void;
  /** How long a deleted conversation can still be restored (Undo) before it is purged. */
  purgeDelayMs?: number;
  /** Searches the web before answering where the conversation asks for it. */
  webSearch?: WebSearchService;
  /** Runs the tools a model calls (MCP servers); without it no conversation offers tools. */
  tools?: ToolHost | null;
  /** Where the tool-call settings are kept (tool-calls.json); absent: defaults in memory. */
  toolCallSettingsFile?: string;
  /** Reads attached documents' text and fits attached images to each provider (attachments/). */
  attachments?: AttachmentSource;
  /** Keeps tools' image results as attachments (attachments/); absent: inside their steps. */
  toolImages?: ToolImageStore;
}

interface Target {
  providerId: string;
  kind: ProviderKind;
  /** The `native` search backend can use this provider (hasNativeSearch). */
  nativeSearch: boolean;
  model: string;
  provider: Provider;
  /** How this model's reasoning is controlled (thinking budget or effort), if at all. */
  reasoning: ReasoningControl | null;
  contextWindow: number;
  /** The model sees images (catalog or the user's mark), and the protocol has an image part. */
  vision: boolean;
}

/** Answers that may be continued: cut short, or ended by the output limit. */
const CONTINUABLE = new Set(['stopped', 'interrupted', 'error']);

/** Runs turns: saves what the user typed, streams the answer, keeps history current. */
export class ChatService {
  private readonly log: (message: string) => void;
  private readonly webSearch: WebSearchService | null;
  /** Where each answer streams, is saved and reaches windows. */
  private readonly answers: AnswerStreams;
  /** Conversations being deleted: no new turn may start in them. */
  private readonly closing = new Set<string>();
  private readonly purgeDelayMs: number;
  private readonly purges = new Set<ReturnType<typeof setTimeout>>();
  /** Tool calling: settings, approvals, each conversation's selection, the loop. */
  readonly toolCalling: ToolCalling;
  private readonly attachments: AttachmentSource | null;

  constructor(
    private readonly history: HistoryStore,
    private readonly providers: ProviderService,
    private readonly streams: StreamManager,
    private readonly bus: EventBus,
    options: ChatServiceOptions = {},
  ) {
    this.log = options.log ?? (() => {});
    this.answers = new AnswerStreams({
      streams,
      history,
      bus,
      log: this.log,
      checkpointMs: options.checkpointMs,
      windowBatchMs: options.windowBatchMs,
    });
    this.purgeDelayMs = options.purgeDelayMs ?? UNDO_DELETE_MS + 7000;
    this.webSearch = options.webSearch ?? null;
    this.toolCalling = new ToolCalling(history, options.tools ?? null, options.toolCallSettingsFile ?? null, options.toolImages ?? null);
    this.attachments = options.attachments ?? null;
  }

  /** `attachments`: stored and checked already (AttachmentStore.prepareForMessage). `withoutImages`: kept on the messages, not sent. */
  send(conversationId: string, text: string, attachments: readonly Attachment[] = [], withoutImages = false): { userMessage: Message; assistantMessage: Message } {
    const conversation = this.history.requireConversation(conversationId);
    this.assertIdle(conversationId);
    // Resolve before saving anything, so a missing provider is an error the composer shows
    // while it still holds the text.
    const target = this.target(conversation.providerId, conversation.model);
    checkParams(target.kind, conversation.params);
    const leaf = this.history.context.leafOf(conversationId);
    const { plan, read } = this.plan(conversation, { content: text, attachments }, leaf, target, withoutImages);
    assertCanSeeImages(target.kind, target.model, target.vision, [...imagesIn(read), ...attachments], withoutImages);
    const userMessage = this.history.appendMessage({
      conversationId,
      parentId: leaf,
      role: 'user',
      content: text,
      status: 'done',
      attachmentIds: attachments.map((a) => a.id),
    });
    this.bus.emit('chat.userMessage', userMessage);
    if (conversation.title === '') {
      // Provisional: the model may write a better one once it has answered (see AutoTitler).
      this.bus.emit('conversation.updated', this.history.renameConversation(conversationId, titleFromText(text), { auto: true }));
    }
    return { userMessage, assistantMessage: this.startAnswer(conversation, userMessage, plan, target) };
  }

  /**
   * Edit: the new text becomes a sibling of the question it replaces (the old one and its
   * answers stay, one ‹ › away), and is answered in the context of the branch above it. It keeps
   * the old question's attachments unless `attachments` (the new set) is given.
   */
  edit(conversationId: string, messageId: string, text: string, attachments?: readonly Attachment[]): { userMessage: Message; assistantMessage: Message } {
    const conversation = this.history.requireConversation(conversationId);
    this.assertIdle(conversationId);
    const old = this.history.requireMessage(messageId);
    if (old.conversationId !== conversationId || old.role !== 'user') {
      throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false });
    }
    const target = this.target(conversation.providerId, conversation.model);
    checkParams(target.kind, conversation.params);
    const kept = attachments ?? old.attachments ?? [];
    const { plan, read } = this.plan(conversation, { content: text, attachments: kept }, old.parentId, target);
    assertCanSeeImages(target.kind, target.model, target.vision, [...imagesIn(read), ...kept]);
    const added = this.history.appendMessage({
      conversationId,
      parentId: old.parentId,
      role: 'user',
      content: text,
      status: 'done',
      attachmentIds: kept.map((a) => a.id),
    });
    const userMessage = this.history.withBranch(added);
    this.bus.emit('chat.userMessage', userMessage);
    return { userMessage, assistantMessage: this.startAnswer(conversation, userMessage, plan, target) };
  }

  /** Shows another alternative (‹ 2/3 ›): its branch, down to its most recent leaf. */
  switchBranch(conversationId: string, messageId: string): Message[] {
    this.history.requireConversation(conversationId);
    this.assertIdle(conversationId);
    return this.history.switchBranch(conversationId, messageId);
  }

  /** Deletes a message and the replies below it (deleteMessageBranch); never while an answer streams. */
  deleteMessage(conversationId: string, messageId: string): MessageDeletion {
    this.history.requireConversation(conversationId);
    this.assertIdle(conversationId);
    return deleteMessageBranch(this.history, conversationId, messageId);
  }

  /** A new answer to the same user message, as a sibling branch; the old one is kept. */
  retry(conversationId: string, messageId: string): { assistantMessage: Message } {
    const conversation = this.history.requireConversation(conversationId);
    this.assertIdle(conversationId);
    const old = this.assistantIn(conversationId, messageId);
    const target = this.target(conversation.providerId, conversation.model);
    checkParams(target.kind, conversation.params);
    const parent = this.history.requireMessage(old.parentId!);
    this.history.setCurrentLeaf(conversationId, parent.id);
    // An answer asked without its images is asked again the same way (the user chose so).
    const leaveOut = old.context?.imagesLeftOut !== undefined;
    const { plan, read } = this.plan(conversation, parent, parent.parentId, target, leaveOut);
    assertCanSeeImages(target.kind, target.model, target.vision, imagesIn([...read, parent]), leaveOut);
    return { assistantMessage: this.startAnswer(conversation, parent, plan, target) };
  }

  /**
   * Continue: the model carries on from exactly where the answer's text ends, and the new
   * text is added to the same message.
   */
  continueAnswer(conversationId: string, messageId: string): { assistantMessage: Message } {
    const conversation = this.history.requireConversation(conversationId);
    this.assertIdle(conversationId);
    const answer = this.assistantIn(conversationId, messageId);
    const cutShort = CONTINUABLE.has(answer.status) || answer.finishReason === 'length';
    if (!cutShort || answer.content === '') {
      throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', detail: 'nothing to continue', retryable: false });
    }
    const providerId = answer.providerId && this.providers.get(answer.providerId) ? answer.providerId : conversation.providerId;
    const target = this.target(providerId, answer.providerId === providerId ? answer.model : conversation.model);
    checkParams(target.kind, conversation.params);
    this.history.setCurrentLeaf(conversationId, answer.id);
    const question = this.history.requireMessage(answer.parentId!);
    const leaveOut = answer.context?.imagesLeftOut !== undefined;
    const { plan, read } = this.plan(conversation, question, question.parentId, target, leaveOut);
    assertCanSeeImages(target.kind, target.model, target.vision, imagesIn([...read, question]), leaveOut);
    if (!plan) throw new AppError('context_too_long', { retryable: false, params: { tokens: target.contextWindow } });
    const reopened = this.history.reopenForContinue(answer.id);
    const support = PREFILL_SUPPORT[target.kind];
    const request = continueRequest(this.request(conversation, plan, target), answer.content, support);
    const source = this.withImages(plan, target, (signal: AbortSignal) => {
      const events = target.provider.stream(request, signal);
      return support === 'none' ? dropRepeatedSeam(answer.content, events) : events;
    });
    this.answers.begin(reopened, source, { content: answer.content, reasoning: answer.reasoning });
    return { assistantMessage: reopened };
  }

  async stop(conversationId: string): Promise<void> {
    await this.streams.stop(conversationId);
  }

  /**
   * Stops any answer first, and refuses new turns meanwhile, so nothing streams into a deleted
   * row. The conversation is hidden at once and purged after the undo window.
   */
  async deleteConversation(conversationId: string): Promise<void> {
    this.history.requireConversation(conversationId);
    this.closing.add(conversationId);
    let deletedAt: number;
    try {
      await this.streams.stop(conversationId);
      deletedAt = this.history.softDeleteConversation(conversationId);
    } finally {
      this.closing.delete(conversationId);
    }
    const timer = setTimeout(() => {
      this.purges.delete(timer);
      try {
        // Only this delete: a restore followed by another delete has its own timer.
        this.history.purgeConversation(conversationId, deletedAt);
      } catch (err) {
        this.log(`purge failed: ${String(err)}`);
      }
    }, this.purgeDelayMs);
    timer.unref?.();
    this.purges.add(timer);
  }

  /** Undo of a delete, within the window. */
  restoreConversation(conversationId: string): Conversation {
    return this.history.restoreConversation(conversationId);
  }

  /** At shutdown: pending deletes become final (the undo window closes with the app). */
  finishDeletes(): void {
    for (const timer of this.purges) clearTimeout(timer);
    this.purges.clear();
    this.history.purgeDeleted();
  }

  /** Late attach: the live answer so far (its later events follow), or null when none streams. */
  attach(conversationId: string): StreamSnapshot | null {
    const snapshot = this.answers.snapshot(conversationId);
    if (snapshot) return snapshot;
    // Only this process writes this data folder (see dataDirLock), so a row still `streaming`
    // with no live stream was cut short: say so now rather than at the next start.
    for (const message of this.history.markInterruptedIn(conversationId)) this.answers.endedElsewhere(message);
    return null;
  }

  private startAnswer(conversation: Conversation, parent: Message, plan: TurnPlan | null, chosen: Target): Message {
    let target = chosen;
    const conversationId = conversation.id;
    const appended = this.history.appendMessage({
      conversationId,
      parentId: parent.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      providerId: target.providerId,
      model: target.model,
      context: plan && {
        sent: plan.sent,
        total: plan.total,
        estimatedTokens: plan.estimatedTokens,
        contextWindow: target.contextWindow,
        ...(plan.cutDocuments.length > 0 ? { cutDocuments: plan.cutDocuments } : {}),
        ...(plan.imagesLeftOut > 0 ? { imagesLeftOut: plan.imagesLeftOut } : {}),
      },
    });
    // A regenerated answer arrives as ‹ n/n ›.
    const assistant = this.history.withBranch(appended);
    if (!plan) {
      // The question alone is longer than the model can read: say so instead of sending it.
      const error = new AppError('context_too_long', { retryable: false, params: { tokens: target.contextWindow } });
      const failed = this.history.finishMessage(assistant.id, { status: 'error', content: '', reasoning: '', error: error.toJSON() });
      this.answers.endedBeforeStart(assistant, failed);
      return assistant;
    }
    const request = this.request(conversation, plan, target);
    target = { ...target, provider: this.toolCalling.providerFor(conversationId, target.provider) };
    const search = this.webSearch?.enabledFor(conversation) ? this.webSearch : null;
    const reserve = outputReserve(target.contextWindow, conversation.params.maxOutputTokens ?? null);
    // The excerpts may use what the conversation and the answer leave of the window.
    const unusable = search?.unusableReason(target.nativeSearch) ?? null;
    const source = unusable
      ? unsearchedSource(target.provider, request, unusable)
      : search
        ? searchingSource(search, target.provider, request, target.contextWindow - reserve - plan.estimatedTokens)
        : (signal: AbortSignal) => target.provider.stream(request, signal);
    this.answers.begin(assistant, this.withImages(plan, target, source));
    return assistant;
  }

  /**
   * The turns above and including the question that fit the window (`planTurn`: read newest
   * first, only as far as the window goes); attached documents are in their text, attached
   * images are put in by `withImages`.
   */
  private plan(conversation: Conversation, newest: NewestTurn, olderFrom: string | null, target: Target, withoutImages = false) {
    const { params } = conversation;
    return planTurn(
      this.history,
      this.attachments,
      {
        system: params.systemPrompt?.trim() || null,
        contextWindow: target.contextWindow,
        providerKind: target.kind,
        reserveForOutput: outputReserve(target.contextWindow, params.maxOutputTokens ?? null),
        newest,
        olderFrom,
        withoutImages,
      },
      this.log,
    );
  }

  /** Fits the images of the turns being sent to the provider (in a worker) before the request goes out. */
  private withImages(plan: TurnPlan, target: Target, source: AnswerSource): AnswerSource {
    const attachments = this.attachments;
    if (!attachments || plan.images.size === 0) return source;
    return async function* (signal: AbortSignal) {
      await attachImages(plan.messages, plan.images, target.kind, attachments);
      yield* source(signal);
    };
  }

  private request(conversation: Conversation, plan: TurnPlan, target: Target): ProviderRequest {
    const { params } = conversation;
    return {
      model: target.model,
      messages: plan.messages,
      system: plan.system ?? undefined,
      temperature: params.temperature,
      topP: params.topP,
      topK: params.topK,
      maxOutputTokens: params.maxOutputTokens,
      conversationId: conversation.id,
      // Only to a model that reasons, in its protocol's form: a model switched since stays valid.
      thinkingBudget: target.reasoning === 'budget' ? params.thinkingBudget : undefined,
      reasoningEffort: target.reasoning === 'effort' ? params.reasoningEffort : undefined,
    };
  }

  private assistantIn(conversationId: string, messageId: string): Message {
    const m = this.history.requireMessage(messageId);
    if (m.conversationId !== conversationId || m.role !== 'assistant' || !m.parentId) {
      throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false });
    }
    return m;
  }

  private target(providerId: string | null, model: string | null): Target {
    const { record, provider } = this.providers.resolve(providerId);
    const chosenModel = (record.id === providerId ? model : null) || record.defaultModel;
    if (!chosenModel) throw new AppError('bad_request', { messageKey: 'errors.noModel', retryable: false });
    const contextWindow = contextWindowFor(record, chosenModel);
    const capabilities = effectiveCapabilities(modelEntry(record.models ?? [], chosenModel));
    const reasoning = reasoningControl(record.kind, capabilities);
    return {
      providerId: record.id,
      kind: record.kind,
      nativeSearch: hasNativeSearch(record.kind, record.presetId),
      model: chosenModel,
      provider,
      contextWindow,
      reasoning,
      vision: capabilities.vision,
    };
  }

  private assertIdle(conversationId: string): void {
    if (this.closing.has(conversationId)) throw new AppError('not_found', { detail: `conversation ${conversationId}` });
    if (this.streams.isActive(conversationId)) {
      throw new AppError('bad_request', { messageKey: 'errors.streamActive', retryable: false });
    }
  }
}
