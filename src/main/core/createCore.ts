import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { AppInfo } from '../../shared/domain';
import { createHandlers } from './api/handlers';
import { acquireDataDirLock } from './dataDirLock';
import { noDesktop, type DesktopPort } from './desktop';
import { ChatService, type ChatServiceOptions } from './chat/ChatService';
import { EventBus } from './events';
import { HistoryStore } from './history/HistoryStore';
import type { ProviderDeps } from './providers/provider';
import { Network } from './network/proxy';
import { ProviderService } from './settings/ProviderService';
import { DEFAULT_BASE_URLS } from '../../shared/providerCatalog';
import type { SecretStore } from './settings/secrets';
import { SettingsRepository, type SettingsBackend } from './settings/settingsState';
import { StreamManager } from './stream/StreamManager';
import { WebSearchService, type WebSearchServiceOptions } from './websearch/WebSearchService';

export interface CoreOptions {
  dataDir: string;
  settingsBackend: SettingsBackend;
  secrets: SecretStore;
  info: Omit<AppInfo, 'secretStorage' | 'dataDir'>;
  nativeBinding?: string;
  fetch?: ProviderDeps['fetch'];
  clock?: () => number;
  idleTimeoutMs?: number;
  chat?: ChatServiceOptions;
  log?: (message: string) => void;
  /** The Electron shell's tray, shortcut and windows; browser mode has none. */
  desktop?: DesktopPort;
  webSearch?: WebSearchServiceOptions;
}

export interface Core {
  handlers: Handlers;
  bus: EventBus;
  history: HistoryStore;
  streams: StreamManager;
  settings: SettingsRepository;
  /** Rows a previous run left streaming, now marked interrupted. */
  interruptedAtStartup: number;
  shutdown(): Promise<void>;
}

export const DATABASE_FILE = 'brook.sqlite';

/** Everything Brook does, without Electron: the shell and the headless server both build this. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? (() => {});
  const lock = acquireDataDirLock(options.dataDir);
  let history: HistoryStore;
  try {
    history = new HistoryStore({
      file: join(options.dataDir, DATABASE_FILE),
      clock: options.clock,
      nativeBinding: options.nativeBinding,
    });
  } catch (err) {
    lock.release();
    throw err;
  }
  const interruptedAtStartup = history.markInterrupted();
  const bus = new EventBus();
  const settings = new SettingsRepository(options.settingsBackend);
  const network = new Network(() => settings.read().settings.proxyUrl);
  const providers = new ProviderService(
    settings,
    options.secrets,
    (baseUrl, kind) => ({
      fetch: options.fetch ?? network.fetch,
      webSocketAgent: network.webSocketAgentFor(baseUrl || DEFAULT_BASE_URLS[kind]),
    }),
    options.clock,
  );
  const streams = new StreamManager({ idleTimeoutMs: options.idleTimeoutMs, onListenerError: (e) => log(`stream listener failed: ${String(e)}`) });
  const webSearch = new WebSearchService(settings, options.secrets, options.fetch ?? network.fetch, options.webSearch);
  const chat = new ChatService(history, providers, streams, bus, { log, webSearch, ...options.chat });
  const info: AppInfo = { ...options.info, secretStorage: options.secrets.kind, dataDir: options.dataDir };
  const handlers = createHandlers({ info, history, settings, providers, chat, bus, desktop: options.desktop ?? noDesktop, webSearch });
  return {
    handlers,
    bus,
    history,
    streams,
    settings,
    interruptedAtStartup,
    async shutdown() {
      await streams.stopAll();
      history.close();
      lock.release();
    },
  };
}
