/**
 * Schemas of what events carry, so a window checks each incoming event like the core checks
 * each request. Each is tied to its domain type (`payload<T>()`): a field added to the type but
 * not here does not compile.
 */
import { z } from 'zod';
import { attachmentSchema } from './attachments';
import type {
  AnswerContext,
  Assistant,
  BranchInfo,
  Conversation,
  ConversationParams,
  DesktopStatus,
  HistoryHealth,
  LocalServerStatus,
  LocalServicesStatus,
  Message,
  Settings,
  Usage,
} from '../domain';
import { ERROR_CODES, type AppErrorData } from '../errors';
import type { StreamEvent, StreamEventEnvelope } from '../streamEvents';
import { WEB_SEARCH_BACKENDS, type WebSearchRecord, type WebSearchStep, type WebSource } from '../webSearch';
import type { ToolResultContent, ToolStep } from '../toolCalls';
import type { RoundThinking } from '../roundThinking';
import { payload } from './define';

const nullableString = z.string().nullable();
const nullableNumber = z.number().nullable();

export const appErrorDataSchema = payload<AppErrorData>()(
  z.object({
    code: z.enum(ERROR_CODES),
    messageKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    retryable: z.boolean(),
    detail: z.string().optional(),
    status: z.number().optional(),
    retryAfterMs: z.number().optional(),
  }),
);

const usageSchema = payload<Usage>()(z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() }));

const webSearchStepSchema = payload<WebSearchStep>()(
  z.object({
    id: z.string(),
    kind: z.enum(['queries', 'search', 'read', 'compose']),
    status: z.enum(['running', 'done', 'failed', 'skipped']),
    args: z.array(z.string()),
    engine: z.string().optional(),
    resultCount: z.number().optional(),
    title: z.string().optional(),
    error: appErrorDataSchema.optional(),
  }),
);

const webSourceSchema = payload<WebSource>()(
  z.object({ n: z.number(), url: z.string(), title: z.string(), site: z.string(), excerpt: z.string() }),
);

const webSearchRecordSchema = payload<WebSearchRecord>()(z.object({ steps: z.array(webSearchStepSchema), sources: z.array(webSourceSchema) }));

const toolResultContentSchema: z.ZodType<ToolResultContent> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), mimeType: z.string(), data: z.string() }),
  z.object({ type: z.literal('attachment'), attachmentId: z.string(), name: z.string(), mimeType: z.string() }),
  z.object({ type: z.literal('resource'), uri: z.string(), mimeType: z.string().optional(), text: z.string().optional() }),
]);

const roundThinkingSchema: z.ZodType<RoundThinking> = z.discriminatedUnion('family', [
  z.object({
    family: z.literal('anthropic'),
    model: z.string(),
    blocks: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('thinking'), thinking: z.string(), signature: z.string() }),
        z.object({ type: z.literal('redacted_thinking'), data: z.string() }),
      ]),
    ),
  }),
  z.object({ family: z.literal('gemini'), model: z.string(), textSignature: nullableString, callSignatures: z.record(z.string(), z.string()) }),
  z.object({ family: z.literal('openai'), field: z.enum(['reasoning_content', 'reasoning']), text: z.string() }),
]);

/** One tool call of an answer, live (`tool.step`) and stored (`Message.toolSteps`). */
export const toolStepSchema = payload<ToolStep>()(
  z.object({
    id: z.string(),
    round: z.number(),
    contentOffset: z.number(),
    callId: z.string(),
    callName: z.string(),
    toolId: z.string(),
    serverName: z.string(),
    tool: z.string(),
    arguments: z.string(),
    thinking: roundThinkingSchema.optional(),
    status: z.enum(['waiting', 'running', 'done', 'error', 'denied', 'stopped', 'skipped']),
    approval: z.enum(['pending', 'once', 'always', 'auto', 'denied']),
    startedAt: nullableNumber,
    durationMs: nullableNumber,
    progress: z.object({ progress: z.number(), total: nullableNumber, message: nullableString }).nullable(),
    result: z.array(toolResultContentSchema).nullable(),
    isError: z.boolean(),
    sentToModel: z.string(),
    capped: z.boolean(),
    error: appErrorDataSchema.nullable(),
  }),
);

const branchSchema = payload<BranchInfo>()(z.object({ index: z.number(), count: z.number(), prevId: nullableString, nextId: nullableString }));

const answerContextSchema = payload<AnswerContext>()(
  z.object({
    sent: z.number(),
    total: z.number(),
    estimatedTokens: z.number(),
    contextWindow: z.number(),
    cutDocuments: z.array(z.object({ name: z.string(), sentChars: z.number(), totalChars: z.number() })).optional(),
    imagesLeftOut: z.number().optional(),
  }),
);

export const messageSchema = payload<Message>()(
  z.object({
    id: z.string(),
    conversationId: z.string(),
    parentId: nullableString,
    role: z.enum(['user', 'assistant', 'system']),
    content: z.string(),
    reasoning: z.string(),
    status: z.enum(['done', 'streaming', 'stopped', 'error', 'interrupted']),
    error: appErrorDataSchema.nullable(),
    providerId: nullableString,
    model: nullableString,
    usage: usageSchema.nullable(),
    context: answerContextSchema.nullable(),
    finishReason: nullableString,
    reasoningMs: nullableNumber,
    webSearch: webSearchRecordSchema.nullable(),
    toolSteps: z.array(toolStepSchema).nullable().optional(),
    createdAt: z.number(),
    updatedAt: z.number(),
    branch: branchSchema.optional(),
    attachments: z.array(attachmentSchema).optional(),
  }),
);

const paramsSchema = payload<ConversationParams>()(
  z.object({
    systemPrompt: z.string().optional(),
    temperature: z.number().optional(),
    topP: z.number().optional(),
    topK: z.number().optional(),
    maxOutputTokens: z.number().optional(),
    thinkingBudget: z.number().optional(),
    reasoningEffort: z.enum(['low', 'medium', 'high']).optional(),
  }),
);

export const conversationSchema = payload<Conversation>()(
  z.object({
    id: z.string(),
    title: z.string(),
    origin: z.enum(['chat', 'quick', 'api']),
    params: paramsSchema,
    providerId: nullableString,
    model: nullableString,
    webSearch: z.boolean().nullable(),
    pinned: z.boolean(),
    archived: z.boolean(),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
);

export const assistantSchema = payload<Assistant>()(
  z.object({ id: z.string(), name: z.string(), params: paramsSchema, createdAt: z.number(), updatedAt: z.number() }),
);

const port = nullableNumber;

export const settingsSchema = payload<Settings>()(
  z.object({
    language: z.enum(['system', 'en', 'zh-CN']),
    theme: z.enum(['system', 'light', 'dark']),
    defaultProviderId: nullableString,
    closeToTray: z.boolean(),
    openAtLogin: z.boolean(),
    quickAsk: z.object({ shortcut: z.string(), providerId: nullableString, model: nullableString, prefillFromClipboard: z.boolean() }),
    proxyUrl: nullableString,
    webSearch: z.object({
      enabledByDefault: z.boolean(),
      backend: z.enum(WEB_SEARCH_BACKENDS),
      searxngUrl: z.string(),
      readPrivatePages: z.boolean(),
    }),
    streamTimeoutSeconds: z.number(),
    localFeed: z.object({ enabled: z.boolean(), port, assistantName: z.string() }),
    localApi: z.object({ enabled: z.boolean(), port, saveToHistory: z.boolean() }),
  }),
);

const serverStatus = {
  enabled: z.boolean(),
  running: z.boolean(),
  port,
  error: appErrorDataSchema.nullable(),
} satisfies { [K in keyof LocalServerStatus]: z.ZodType<LocalServerStatus[K]> };

export const localServicesStatusSchema = payload<LocalServicesStatus>()(
  z.object({
    feed: z.object({ ...serverStatus, url: nullableString }),
    api: z.object({ ...serverStatus, baseUrl: nullableString, key: nullableString }),
  }),
);

export const desktopStatusSchema = payload<DesktopStatus>()(
  z.object({ available: z.boolean(), shortcut: z.object({ accelerator: z.string(), registered: z.boolean() }).nullable() }),
);

export const historyHealthSchema = payload<HistoryHealth>()(
  z.object({ status: z.enum(['ok', 'damaged', 'replaced']), copyPath: nullableString, detail: nullableString }),
);

const streamEventSchema: z.ZodType<StreamEvent> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), message: messageSchema }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('reasoning'), text: z.string() }),
  z.object({ type: z.literal('usage'), usage: usageSchema }),
  z.object({ type: z.literal('search.step'), step: webSearchStepSchema }),
  z.object({ type: z.literal('search.source'), source: webSourceSchema }),
  z.object({ type: z.literal('tool.step'), step: toolStepSchema }),
  z.object({ type: z.literal('end'), message: messageSchema }),
]);

export const streamEnvelopeSchema = payload<StreamEventEnvelope>()(
  z.object({ conversationId: z.string(), messageId: z.string(), event: streamEventSchema }),
);
