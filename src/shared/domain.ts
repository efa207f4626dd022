import type { AppErrorData } from './errors';

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
  createdAt: number;
  updatedAt: number;
}

/** Where a conversation was started; quick asks can be filtered in the sidebar. */
export type ConversationOrigin = 'chat' | 'quick';

export interface Conversation {
  id: string;
  title: string;
  origin: ConversationOrigin;
  providerId: string | null;
  model: string | null;
  createdAt: number;
  updatedAt: number;
}

export type ProviderKind = 'openai-compatible';

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
}

/** What the desktop shell could set up; browser mode has no tray or global shortcut. */
export interface DesktopStatus {
  available: boolean;
  /** null where there is no desktop; `registered: false` when the OS refused the shortcut. */
  shortcut: { accelerator: string; registered: boolean } | null;
}

/** What the renderer may know about a configured provider: never the key itself. */
export interface ProviderView {
  id: string;
  name: string;
  kind: ProviderKind;
  presetId: string;
  baseUrl: string;
  defaultModel: string;
  hasKey: boolean;
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
}

export interface ConnectionTestResult {
  models: string[];
}
