import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { AppInfo } from '../../shared/domain';
import { createHandlers } from './api/handlers';
import { acquireDataDirLock } from './dataDirLock';
import { noDesktop, type DesktopPort } from './desktop';
import { ChatService, type ChatServiceOptions } from './chat/ChatService';
import { EventBus } from './events';
import { HistoryStore } from './history/HistoryStore';
import { LocalServices } from './localServices';
import { AssistantStore } from './history/AssistantStore';
import { TransferService } from './history/transfer/TransferService';
import { AutoTitler } from './chat/autoTitle';
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
  /** Tests: the live feed drops a subscriber with more than this many bytes waiting. */
  feedMaxBufferedBytes?: number;
  /** Ask the model for a title after the first answer (tests that count requests turn it off). */
  autoTitle?: boolean;
  webSearch?: WebSearchServiceOptions;
}

export interface Core {
  handlers: Handlers;
  bus: EventBus;
  history: HistoryStore;
  streams: StreamManager;
  settings: SettingsRepository;
  /** The live feed and the local API; `ready` resolves once they match the settings at start. */
  local: LocalServices;
  ready: Promise<void>;
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
  // Deletes still inside their undo window when Brook last stopped are final now.
  history.purgeDeleted();
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
  const streams = new StreamManager({
    idleTimeoutMs: options.idleTimeoutMs ?? (() => settings.read().settings.streamTimeoutSeconds * 1000),
    onListenerError: (e) => log(`stream listener failed: ${String(e)}`),
  });
  const webSearch = new WebSearchService(settings, options.secrets, options.fetch ?? network.fetch, options.webSearch);
  const chat = new ChatService(history, providers, streams, bus, { log, webSearch, ...options.chat });
  const info: AppInfo = { ...options.info, secretStorage: options.secrets.kind, dataDir: options.dataDir };
  const local = new LocalServices(
    {
      settings,
      secrets: options.secrets,
      providers,
      history,
      chat,
      streams,
      bus,
      systemLocale: options.info.systemLocale,
      log,
      feedMaxBufferedBytes: options.feedMaxBufferedBytes,
    },
    bus,
  );
  const ready = local.apply();
  const assistants = new AssistantStore(history.database, options.clock);
  const transfer = new TransferService(
    history,
    assistants,
    () => {
      const language = settings.read().settings.language;
      return language === 'system' ? info.systemLocale || 'en' : language;
    },
    options.clock,
  );
  const stopTitles = options.autoTitle === false ? () => {} : new AutoTitler(history, providers, bus, { log }).start();
  const handlers = createHandlers({
    info,
    history,
    settings,
    providers,
    chat,
    bus,
    desktop: options.desktop ?? noDesktop,
    assistants,
    transfer,
    local,
    webSearch,
  });
  return {
    handlers,
    bus,
    history,
    streams,
    settings,
    local,
    ready,
    interruptedAtStartup,
    async shutdown() {
      await local.shutdown();
      stopTitles();
      await streams.stopAll();
      chat.finishDeletes();
      history.close();
      lock.release();
    },
  };
}
