/**
 * The one contract between the core and every window. Main (IPC), the headless server
 * (WebSocket), the preload and the renderer client are all typed from this file, so adding
 * a request here makes the compiler demand a handler for it everywhere.
 */
import { z } from 'zod';
import type {
  AppInfo,
  Assistant,
  ExportFile,
  ImportResult,
  ConnectionTestResult,
  Conversation,
  DesktopStatus,
  LocalServicesStatus,
  Message,
  BackupInfo,
  HistoryHealth,
  ProviderView,
  SearchPage,
  Settings,
  StreamSnapshot,
  WebSearchKeyStatus,
} from './domain';
import type { StreamEventEnvelope } from './streamEvents';
import type { AppErrorData } from './errors';
import { acceleratorSchema } from './accelerator';
import { PROVIDER_KINDS } from './providerCatalog';
import { WEB_SEARCH_BACKENDS } from './webSearch';

/** A paste of a few megabytes must survive; anything bigger is almost surely a mistake. */
export const MAX_MESSAGE_CHARS = 4_000_000;
export const MAX_TITLE_CHARS = 200;
/** Seconds of silence before a stream fails with `timeout`; reasoning models can think quietly for minutes. */
export const STREAM_TIMEOUT_RANGE = { min: 10, max: 900, default: 120 } as const;
/** How long a deleted conversation can be brought back (the Undo toast); it is purged a little later. */
export const UNDO_DELETE_MS = 8000;
/** An import file is sent in pieces of at most this many characters (the socket's frame limit). */
export const IMPORT_CHUNK_CHARS = 1_000_000;
/** The largest import accepted, in characters (years of ChatGPT history run to hundreds of MB). */
export const MAX_IMPORT_CHARS = 512_000_000;

const id = z.string().min(1).max(100);
/** '' means the kind's default address; Spark speaks WebSocket, so ws(s) is allowed too. */
const serviceUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    if (value === '') return true;
    try {
      return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be an http(s) or ws(s) URL');

/** undefined keeps the stored secret, null or '' clears it, a string replaces it. */
const secretField = z
  .string()
  .trim()
  .max(4096)
  // Printable ASCII only: anything else cannot go in an HTTP header or a signature.
  .regex(/^[\x21-\x7e]*$/, 'no spaces or special characters')
  .nullable()
  .optional();

export const providerDraftSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(PROVIDER_KINDS).default('openai-compatible'),
  presetId: z.string().min(1).max(50),
  baseUrl: serviceUrl,
  /** Spark's APPID: an identifier, not a secret. */
  appId: z.string().trim().max(200).nullable().optional(),
  defaultModel: z.string().trim().max(200),
  /** Overrides the known context window (tokens) of this provider's models; null uses the known table. */
  contextWindow: z.number().int().min(512).max(10_000_000).nullable().optional(),
  apiKey: secretField,
  /** Spark's APISecret, Qianfan's Secret Key. */
  apiSecret: secretField,
});
export type ProviderDraft = z.infer<typeof providerDraftSchema>;

/** A fixed port for a local server (unprivileged only), or null for a free one. */
const localPort = z.number().int().min(1024).max(65535).nullable();

export const settingsPatchSchema = z.strictObject({
  language: z.enum(['system', 'en', 'zh-CN']).optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  defaultProviderId: id.nullable().optional(),
  closeToTray: z.boolean().optional(),
  openAtLogin: z.boolean().optional(),
  proxyUrl: z
    .string()
    .trim()
    .max(2048)
    .refine((v) => {
      try {
        return ['http:', 'https:'].includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, 'must be an http(s) proxy URL')
    .nullable()
    .optional(),
  streamTimeoutSeconds: z.number().int().min(STREAM_TIMEOUT_RANGE.min).max(STREAM_TIMEOUT_RANGE.max).optional(),
  localFeed: z.strictObject({ enabled: z.boolean().optional(), port: localPort.optional() }).optional(),
  localApi: z
    .strictObject({ enabled: z.boolean().optional(), port: localPort.optional(), saveToHistory: z.boolean().optional() })
    .optional(),
  webSearch: z
    .strictObject({
      enabledByDefault: z.boolean().optional(),
      readPrivatePages: z.boolean().optional(),
      backend: z.enum(WEB_SEARCH_BACKENDS).optional(),
      /** '' clears it. */
      searxngUrl: z
        .string()
        .trim()
        .max(2048)
        .refine((v) => {
          if (v === '') return true;
          try {
            return ['http:', 'https:'].includes(new URL(v).protocol);
          } catch {
            return false;
          }
        }, 'must be an http(s) URL')
        .optional(),
    })
    .optional(),
  quickAsk: z
    .strictObject({
      shortcut: acceleratorSchema.optional(),
      providerId: id.nullable().optional(),
      model: z.string().max(200).nullable().optional(),
      prefillFromClipboard: z.boolean().optional(),
    })
    .optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const origin = z.enum(['chat', 'quick', 'api']);
/** `api` conversations are made only by the local API. */
const creatableOrigin = z.enum(['chat', 'quick']);

/**
 * The widest ranges any provider accepts; each provider's own narrower range is checked when a
 * turn starts (see the provider's parameter table).
 */
export const conversationParamsSchema = z.strictObject({
  systemPrompt: z.string().max(100_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().int().min(1).max(1000).optional(),
  maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
});

export const assistantDraftSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  params: conversationParamsSchema,
});
export type AssistantDraft = z.infer<typeof assistantDraftSchema>;

const empty = z.strictObject({});

export const MAX_SEARCH_CHARS = 500;

export const historySearchSchema = z.strictObject({
  query: z.string().max(MAX_SEARCH_CHARS),
  /** Inclusive range of message dates (ms since the epoch). */
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  providerId: id.optional(),
  model: z.string().min(1).max(200).optional(),
  role: z.enum(['user', 'assistant']).optional(),
  includeReasoning: z.boolean().default(false),
  order: z.enum(['newest', 'ranked']).default('newest'),
  limit: z.number().int().min(1).max(100).default(30),
  cursor: z.string().max(100).nullable().optional(),
});
export type HistorySearchArgs = z.output<typeof historySearchSchema>;

/** Phantom-typed pairing of an argument schema with its result type. */
export interface RequestDef<A extends z.ZodType, R> {
  args: A;
  /** Never read at runtime; carries the result type. */
  result?: R;
}
function req<R>() {
  return <A extends z.ZodType>(args: A): RequestDef<A, R> => ({ args });
}

export const requests = {
  'app.info': req<AppInfo>()(empty),
  'settings.get': req<Settings>()(empty),
  'settings.update': req<Settings>()(settingsPatchSchema),

  'providers.list': req<ProviderView[]>()(empty),
  'providers.save': req<ProviderView>()(z.strictObject({ id: id.optional(), draft: providerDraftSchema })),
  'providers.remove': req<null>()(z.strictObject({ id })),
  /** Tests a saved provider, or a draft (using the stored key when the draft leaves it unset). */
  'providers.test': req<ConnectionTestResult>()(
    z.strictObject({ id: id.optional(), draft: providerDraftSchema.optional() }),
  ),

  'conversations.list': req<Conversation[]>()(z.strictObject({ origin: origin.optional() })),
  /** A quick ask starts with the quick model from settings unless one is given. */
  'conversations.create': req<Conversation>()(
    z.strictObject({
      providerId: id.nullable().optional(),
      model: z.string().max(200).nullable().optional(),
      origin: creatableOrigin.optional(),
      /** A saved prompt whose system prompt and parameters are copied into the new conversation. */
      assistantId: id.nullable().optional(),
    }),
  ),
  'conversations.rename': req<Conversation>()(
    z.strictObject({ id, title: z.string().trim().min(1).max(MAX_TITLE_CHARS) }),
  ),
  /** Hides the conversation at once; `conversations.restore` brings it back within UNDO_DELETE_MS. */
  'conversations.delete': req<null>()(z.strictObject({ id })),
  'conversations.restore': req<Conversation>()(z.strictObject({ id })),
  'conversations.setPinned': req<Conversation>()(z.strictObject({ id, pinned: z.boolean() })),
  'conversations.setArchived': req<Conversation>()(z.strictObject({ id, archived: z.boolean() })),
  /** The visible branch, root first; each message carries its `branch` (‹ 2/3 ›). */
  'conversations.messages': req<Message[]>()(z.strictObject({ id })),
  /** Shows the alternative `messageId` and its most recent continuation; returns the new visible branch. */
  'conversations.switchBranch': req<Message[]>()(z.strictObject({ id, messageId: id })),
  'conversations.update': req<Conversation>()(
    z.strictObject({ id, providerId: id.nullable(), model: z.string().max(200).nullable() }),
  ),
  /** Replaces the conversation's model parameters (system prompt, temperature, …). */
  'conversations.setParams': req<Conversation>()(z.strictObject({ id, params: conversationParamsSchema })),

  /** Per-conversation web search (null: the default in settings). */
  'conversations.setWebSearch': req<Conversation>()(z.strictObject({ id, enabled: z.boolean().nullable() })),

  /** `webSearch`, when given, is also remembered as the conversation's search switch. */
  'chat.send': req<{ userMessage: Message; assistantMessage: Message }>()(
    z.strictObject({ conversationId: id, text: z.string().min(1).max(MAX_MESSAGE_CHARS), webSearch: z.boolean().optional() }),
  ),
  /** Edits a question: the new text becomes a sibling branch and is answered. */
  'chat.edit': req<{ userMessage: Message; assistantMessage: Message }>()(
    z.strictObject({ conversationId: id, messageId: id, text: z.string().min(1).max(MAX_MESSAGE_CHARS) }),
  ),
  'chat.stop': req<null>()(z.strictObject({ conversationId: id })),
  /** Answers again (regenerate), as a new sibling branch; the old answer stays one ‹ › away. */
  'chat.retry': req<{ assistantMessage: Message }>()(z.strictObject({ conversationId: id, messageId: id })),
  /** Carries on a stopped, interrupted, failed or length-cut answer in the same message. */
  'chat.continue': req<{ assistantMessage: Message }>()(z.strictObject({ conversationId: id, messageId: id })),
  /** Late attach: what has streamed so far; live deltas follow as events. */
  'chat.attach': req<StreamSnapshot | null>()(z.strictObject({ conversationId: id })),

  /** The live feed and the local API: whether they run, their URL, token and key. */
  'local.status': req<LocalServicesStatus>()(empty),
  /** A new feed token: subscribers holding the old URL are disconnected. */
  'local.renewFeedToken': req<LocalServicesStatus>()(empty),
  /** A new local API key: the old one stops working at once. */
  'local.renewApiKey': req<LocalServicesStatus>()(empty),
  'assistants.list': req<Assistant[]>()(empty),
  'assistants.save': req<Assistant>()(z.strictObject({ id: id.optional(), draft: assistantDraftSchema })),
  'assistants.remove': req<null>()(z.strictObject({ id })),

  'transfer.exportConversation': req<ExportFile>()(z.strictObject({ id, format: z.enum(['markdown', 'html', 'json']) })),
  /**
   * Every conversation as Brook JSON, in parts of at most IMPORT_CHUNK_CHARS (a long history
   * outgrows one socket frame): part 0 builds the file, later parts read the same snapshot.
   */
  'transfer.exportAll': req<ExportFile & { part: number; parts: number; exportId: string }>()(
    z.strictObject({ exportId: id.optional(), part: z.number().int().min(0).default(0) }),
  ),
  /**
   * An import file (ChatGPT's conversations.json or Brook JSON), sent in order in parts of at
   * most IMPORT_CHUNK_CHARS; the last part runs the import and returns what it added.
   */
  'transfer.importChunk': req<ImportResult | null>()(
    z.strictObject({
      uploadId: id,
      index: z.number().int().min(0),
      last: z.boolean(),
      text: z.string().max(IMPORT_CHUNK_CHARS),
    }),
  ),

  /** Which search keys are stored; the keys themselves never leave the core. */
  'webSearch.keys': req<WebSearchKeyStatus>()(empty),
  /** null or '' removes the key. */
  'webSearch.setKey': req<WebSearchKeyStatus>()(
    z.strictObject({ backend: z.enum(['tavily', 'brave']), key: secretField.transform((v) => v ?? null) }),
  ),
  /** Full-text search over every message, newest first or ranked. */
  'history.search': req<SearchPage>()(historySearchSchema),
  /** What the startup integrity check found. */
  'history.health': req<HistoryHealth>()(empty),
  /** A consistent copy of the database now (SQLite online backup) into the backups folder. */
  'history.backup': req<BackupInfo>()(empty),
  'history.backups': req<BackupInfo[]>()(empty),
  /** Replaces the history with a backup; the current one is backed up first. */
  'history.restore': req<null>()(z.strictObject({ name: z.string().min(1).max(300) })),

  'desktop.status': req<DesktopStatus>()(empty),
  /** "Continue in Brook": shows the main window on this conversation (desktop only). */
  'desktop.openInMain': req<null>()(z.strictObject({ conversationId: id })),
  'desktop.hideQuickAsk': req<null>()(empty),
  /** A pinned quick-ask window stays open when it loses focus. */
  'desktop.setQuickAskPinned': req<null>()(z.strictObject({ pinned: z.boolean() })),
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

/** What a caller passes (before defaults and trimming). */
export type RequestArgs<K extends RequestName> = z.input<Requests[K]['args']>;
/** What a handler receives (after validation). */
export type ValidatedArgs<K extends RequestName> = z.output<Requests[K]['args']>;
export type RequestResult<K extends RequestName> = Requests[K] extends RequestDef<z.ZodType, infer R> ? R : never;

export interface Events {
  stream: StreamEventEnvelope;
  'conversation.updated': Conversation;
  /** Also sent for conversations created elsewhere (the quick-ask window, another tab). */
  'conversation.created': Conversation;
  'conversation.deleted': { id: string };
  /** An import added or grew these conversations: windows fetch the list again (one event, however many). */
  'conversations.imported': { ids: string[] };
  /** Saved prompts changed (here or in another window): the whole list. */
  'assistants.changed': { assistants: Assistant[] };
  'settings.updated': Settings;
  /** A user message was saved (from any window or the local API); the live feed repeats it. */
  'chat.userMessage': Message;
  /** The local servers started, stopped, failed, or got a new token or key. */
  'local.statusChanged': LocalServicesStatus;
  'desktop.statusChanged': DesktopStatus;
  /** The main window should show this conversation (after "Continue in Brook"). */
  'desktop.openConversation': { conversationId: string };
  /** The quick-ask window was just shown; `prefill` is clipboard text when that setting is on. */
  'desktop.quickAskShown': { prefill: string | null };
  /** A tray menu choice for the main window. */
  'desktop.command': { command: 'newChat' | 'openSettings' };
  /** The whole history was replaced from a backup: every window reloads. */
  'history.restored': { name: string };
  /** The background integrity check found damage after startup. */
  'history.health': HistoryHealth;
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = [
  'stream',
  'conversation.updated',
  'conversation.created',
  'conversation.deleted',
  'assistants.changed',
  'conversations.imported',
  'settings.updated',
  'chat.userMessage',
  'local.statusChanged',
  'desktop.statusChanged',
  'desktop.openConversation',
  'desktop.quickAskShown',
  'desktop.command',
  'history.restored',
  'history.health',
];

/** Every response crosses the boundary as data, so errors keep their code and key. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** The typed client the renderer uses, over IPC in Electron and WebSocket in browser mode. */
export interface BrookClient {
  request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}

/** What the preload exposes on `window.brook`: one function per request, plus `on`. */
export type PreloadApi = {
  [K in RequestName]: (args: RequestArgs<K>) => Promise<Result<RequestResult<K>>>;
} & {
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
};

export const IPC_REQUEST_PREFIX = 'brook:req:';
export const IPC_EVENT_PREFIX = 'brook:evt:';

/** The object main implements; the compiler demands a handler for every request. */
export type Handlers = {
  [K in RequestName]: (args: ValidatedArgs<K>) => Promise<RequestResult<K>> | RequestResult<K>;
};
