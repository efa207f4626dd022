import type { Attachment } from './attachments';
import type { CustomEndpoint } from './customEndpoint';
import type { AppErrorData } from './errors';
import type { ToolStep } from './toolCalls';
import type { WebSearchBackend, WebSearchRecord } from './webSearch';

export type MessageRole = 'user' | 'assistant' | 'system';

/**
 * `streaming` rows are live; `interrupted` is assigned at startup to rows a crash left
 * `streaming`, keeping their partial text.
 */
export type MessageStatus = 'done' | 'streaming' | 'stopped' | 'error' | 'interrupted';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface Message {
  id: string;
  conversationId: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  reasoning: string;
  status: MessageStatus;
  error: AppErrorData | null;
  providerId: string | null;
  model: string | null;
  usage: Usage | null;
  /** Set on answers: what was sent to the model. */
  context: AnswerContext | null;
  /** The provider's reason for ending (`length`: cut by the output limit). */
  finishReason: string | null;
  /** How long the model reasoned before answering, for the Thinking block. */
  reasoningMs: number | null;
  /** The web search behind this answer: its steps and the sources it may cite; null without search. */
  webSearch: WebSearchRecord | null;
  /** The tools this answer called (shared/toolCalls), in order; absent or null when it called none. */
  toolSteps?: ToolStep[] | null;
  createdAt: number;
  updatedAt: number;
  /** Set on messages of a visible branch (`conversations.messages`): its alternatives, for ‹ 2/3 ›. */
  branch?: BranchInfo;
  /** Files sent with a question, in the order shown; absent when there are none. */
  attachments?: Attachment[];
}

/**
 * Where a message stands among its siblings (edits of a question, regenerated answers), oldest
 * first: `index` is 0-based; `prevId`/`nextId` are the neighbouring alternatives to switch to.
 */
export interface BranchInfo {
  index: number;
  count: number;
  prevId: string | null;
  nextId: string | null;
}

/** Where a conversation was started; quick asks can be filtered in the sidebar, `api` came through the local API. */
export type ConversationOrigin = 'chat' | 'quick' | 'api';

/** Per-conversation model settings; anything unset uses the provider's default. */
export interface ConversationParams {
  systemPrompt?: string;
  temperature?: number;
  topP?: number;
  /** Spark, Gemini and Anthropic only. */
  topK?: number;
  maxOutputTokens?: number;
  /** Anthropic extended thinking: tokens the model may think with. Sent only to models that reason. */
  thinkingBudget?: number;
  /** OpenAI-style reasoning models: how hard to think. Sent only to models that reason. */
  reasoningEffort?: ReasoningEffort;
}

export type ReasoningEffort = 'low' | 'medium' | 'high';

/** How much of the conversation an answer was given, after trimming to the context window. */
export interface AnswerContext {
  sent: number;
  total: number;
  estimatedTokens: number;
  contextWindow: number;
  /** Documents of the question that did not fit whole: how much of each was sent. */
  cutDocuments?: CutDocument[];
  /** Images the user chose to send without (the model cannot see them): how many were left out. */
  imagesLeftOut?: number;
}

/** A document cut to fit the context window (its block tells the model so, too). */
export interface CutDocument {
  name: string;
  sentChars: number;
  totalChars: number;
}

export interface Conversation {
  id: string;
  title: string;
  origin: ConversationOrigin;
  params: ConversationParams;
  providerId: string | null;
  model: string | null;
  /** Search the web before answering; null follows the default in settings. */
  webSearch: boolean | null;
  /** Pinned conversations come first in the sidebar. */
  pinned: boolean;
  /** Archived conversations are listed only in the Archived view. */
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A saved prompt: a system prompt and default parameters copied into each conversation started with it. */
export interface Assistant {
  id: string;
  name: string;
  params: ConversationParams;
  createdAt: number;
  updatedAt: number;
}

export type ExportFormat = 'markdown' | 'html' | 'json';

/** A file for the user to save: the window downloads it (a Blob link in browser mode). */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
}

export interface ImportResult {
  format: 'chatgpt' | 'brook';
  /** Conversations created by this import. */
  conversations: number;
  /** Messages added (to new conversations or to ones imported before). */
  messages: number;
  /** Conversations already imported and unchanged. */
  unchanged: number;
}

/**
 * The wire protocol a provider speaks (one module each under core/providers). Spark's HTTP
 * API and Qianfan v2 are OpenAI-compatible and use that kind; `spark` is the WebSocket API and
 * `qianfan` the v1 access-token API; `custom` is an endpoint the user describes (shared/customEndpoint.ts).
 */
export type ProviderKind = 'openai-compatible' | 'anthropic' | 'gemini' | 'spark' | 'qianfan' | 'custom';

export type LanguageSetting = 'system' | 'en' | 'zh-CN';
export type ThemeSetting = 'system' | 'light' | 'dark';

export interface QuickAskSettings {
  /** An Electron accelerator, e.g. `CommandOrControl+Shift+Space`. */
  shortcut: string;
  /** The "quick" model; null falls back to the default provider and its model. */
  providerId: string | null;
  model: string | null;
  prefillFromClipboard: boolean;
}

export interface Settings {
  language: LanguageSetting;
  theme: ThemeSetting;
  defaultProviderId: string | null;
  /** Closing the main window keeps Brook running in the tray. */
  closeToTray: boolean;
  openAtLogin: boolean;
  quickAsk: QuickAskSettings;
  /** An http(s) proxy for every provider; null uses HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxyUrl: string | null;
  webSearch: WebSearchSettings;
  /** An answer that sends nothing for this long fails with `timeout` and keeps its text. */
  streamTimeoutSeconds: number;
  localFeed: LocalFeedSettings;
  localApi: LocalApiSettings;
}

/** The live feed: a WebSocket on 127.0.0.1 that other local programs listen to. */
export interface LocalFeedSettings {
  enabled: boolean;
  /** null picks a free port each time it starts. */
  port: number | null;
  /**
   * The `user` of assistant frames. "assistant" by default; subscribers written for the original
   * HuggingChat wrapper wait for "Open-Assistant" (docs/live-feed.md).
   */
  assistantName: string;
}

/** The OpenAI-compatible API on 127.0.0.1. */
export interface LocalApiSettings {
  enabled: boolean;
  port: number | null;
  /** Keep API chats in the history as conversations marked "API". */
  saveToHistory: boolean;
}

/** One local server as settings shows it; `error` says why it is not running although enabled. */
export interface LocalServerStatus {
  enabled: boolean;
  running: boolean;
  port: number | null;
  error: AppErrorData | null;
}

/**
 * What the settings screen shows about the local servers. The feed URL carries its token and
 * the API key is shown, because the user copies them into other programs; neither is a
 * provider key.
 */
export interface LocalServicesStatus {
  feed: LocalServerStatus & { url: string | null };
  api: LocalServerStatus & { baseUrl: string | null; key: string | null };
}

export interface WebSearchKeyStatus {
  tavily: boolean;
  brave: boolean;
}

/** Tavily and Brave keys are secrets: see `webSearch.keys` for whether they are set. */
export interface WebSearchSettings {
  /** New conversations search the web unless switched off. */
  enabledByDefault: boolean;
  backend: WebSearchBackend;
  /** A SearXNG instance with the JSON format enabled; '' when none is set. */
  searxngUrl: string;
  /**
   * Read result pages on loopback and local-network addresses. Off: a search result cannot
   * make Brook read a router's or an intranet page and hand its text to the model.
   */
  readPrivatePages: boolean;
}

/** What the desktop shell could set up; browser mode has no tray or global shortcut. */
export interface DesktopStatus {
  available: boolean;
  /** null where there is no desktop; `registered: false` when the OS refused the shortcut. */
  shortcut: { accelerator: string; registered: boolean } | null;
}

/** What a model can do, as the model manager's badges show it. */
export interface ModelCapabilities {
  vision: boolean;
  tools: boolean;
  /** Thinks before answering; Anthropic and OpenAI-style reasoning models take a budget or an effort. */
  reasoning: boolean;
  /** Tokens; null when unknown (the provider's setting or 8192 applies). */
  contextWindow: number | null;
}

/** A model shown in the pickers; `capabilities` holds only what the user changed from the catalog. */
export interface ProviderModel {
  id: string;
  capabilities?: Partial<ModelCapabilities>;
}

/** What the renderer may know about a configured provider: never the key itself. */
export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  presetId: string;
  /** '' uses the kind's default address. */
  baseUrl: string;
  appId: string | null;
  defaultModel: string;
  /** The models shown in the pickers (the default model among them). */
  models: ProviderModel[];
  /** null: the known table (or 8192) decides. */
  contextWindow: number | null;
  hasKey: boolean;
  hasSecret: boolean;
  /** The custom kind's description, secret header values blank; null for other kinds. */
  custom: CustomEndpoint | null;
  /** Secret headers of `custom` that have a value in the secret store. */
  storedSecretHeaders: string[];
  createdAt: number;
}

/** How API keys are kept on this machine, shown in settings so the user knows. */
export type SecretStorageKind = 'safeStorage' | 'file-0600';

export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  secretStorage: SecretStorageKind;
  dataDir: string;
  /** BCP 47 locale of the operating system, used when language is `system`. */
  systemLocale: string;
}

/** The state a late-attaching window needs to render a stream it did not see start. */
export interface StreamSnapshot {
  conversationId: string;
  messageId: string;
  content: string;
  reasoning: string;
  /** The search so far; its later steps follow as events. */
  webSearch?: WebSearchRecord | null;
  /** The tool steps so far; later changes follow as `tool.step` events. */
  toolSteps?: ToolStep[] | null;
}

export interface ConnectionTestResult {
  models: string[];
}

/** A piece of a search snippet; `hit` pieces are what matched (rendered as marks, never HTML). */
export interface SearchSegment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  messageId: string;
  role: MessageRole;
  snippet: SearchSegment[];
  createdAt: number;
  providerId: string | null;
  model: string | null;
  /** Set when the match is in a document attached to the message: the file it was found in. */
  attachment?: { id: string; name: string };
}

export interface SearchPage {
  hits: SearchHit[];
  /** Pass back to get the next page; null when there is none. */
  nextCursor: string | null;
}

/** How the history database was found at startup. */
export interface HistoryHealth {
  /** `damaged`: the integrity check failed and a copy was set aside; `replaced`: it could not be opened at all, so Brook started a new one beside the copy. */
  status: 'ok' | 'damaged' | 'replaced';
  /** Where the damaged database was copied. */
  copyPath: string | null;
  detail: string | null;
}

/** A consistent copy of the history in the data folder. */
export interface BackupInfo {
  /** File name inside the data folder (backups/… or a copy made before a migration). */
  name: string;
  size: number;
  createdAt: number;
  kind: 'manual' | 'before-migration' | 'before-restore';
}
