import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { AppInfo, HistoryHealth } from '../../../shared/domain';
import type { FirstScreenData } from '../../../shared/firstScreen';
import { createHandlers, type HistoryMaintenance } from '../api';
import { acquireDataDirLock } from './dataDirLock';
import { secureDataDir } from './dataDirPermissions';
import { writeFirstScreenCache } from './firstScreenCache';
import { gatherFirstScreen } from './firstScreenData';
import { DATABASE_FILE } from './paths';
import { type DesktopPort, EventBus, noDesktop, warmTokenizer } from '../base';
import { type AttachmentStore, createAttachmentStore } from '../attachments';
import { AutoTitler, ChatService, type ChatServiceOptions } from '../chat';
import { AssistantStore, type BackgroundCheck, checkOpens, HistoryBackups, HistoryStore, quickCheckInBackground, setAsideDamaged, TransferService } from '../history';
import { LocalServices } from '../servers';
import type { ProviderDeps } from '../providers';
import { Network, type ServerTimeouts } from '../net';
import { ProviderService, rememberingSecrets, type SecretStore, type SettingsBackend, SettingsRepository } from '../settings';
import { DEFAULT_BASE_URLS } from '../../../shared/providerCatalog';
import { StreamManager } from '../streaming';
import { FileUpdatePreferences, type UpdateEngine, UpdateService, unsupportedEngine } from '../updates';
import { SyncService } from '../sync';
import { McpServerManager } from '../tools';
import { WebSearchService, type WebSearchServiceOptions } from '../websearch';

/** Long enough for the window's first paint and list to be served before the tokenizer loads. */
const TOKENIZER_WARM_DELAY_MS = 3000;

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
  /** Tests: shorter header/body/idle limits for the live feed and the local API. */
  serverTimeouts?: Partial<ServerTimeouts>;
  /** Ask the model for a title after the first answer (tests that count requests turn it off). */
  autoTitle?: boolean;
  webSearch?: WebSearchServiceOptions;
  /** What finds and applies updates: the Electron shell's; browser mode has none. */
  updateEngine?: UpdateEngine;
  /** Tests: the first automatic update check waits this long (default 10 s). */
  firstUpdateCheckDelayMs?: number;
  /** Tests: how soon after start an enabled sync first runs (ms). */
  syncFirstDelayMs?: number;
  /** Tests: how soon after start the background integrity check begins (default INTEGRITY_CHECK_DELAY_MS). */
  integrityCheckDelayMs?: number;
  /** Browser mode: keep a copy of the first screen at a clean quit, served at the next start before the core loads. */
  keepFirstScreen?: boolean;
}

/**
 * The background integrity check reads the whole database (a second of CPU on a large history):
 * started with the core, it took one of the machine's cores while the first window was still
 * loading (issue #13, cold start).
 */
const INTEGRITY_CHECK_DELAY_MS = 3_000;

export interface Core {
  handlers: Handlers;
  bus: EventBus;
  /** The first screen as the window's first requests would get it now (browser mode serves it to a page's first paint). */
  firstScreen(): Promise<FirstScreenData>;
  history: HistoryStore;
  attachments: AttachmentStore;
  streams: StreamManager;
  settings: SettingsRepository;
  /** The MCP servers (Settings → Tools) and the ToolHost the tool loop calls. */
  tools: McpServerManager;
  /** The live feed and the local API; `ready` resolves once they match the settings at start. */
  local: LocalServices;
  ready: Promise<void>;
  /** Rows a previous run left streaming, now marked interrupted. */
  interruptedAtStartup: number;
  /** The full integrity check, which runs in the background after startup. */
  integrityChecked: Promise<void>;
  shutdown(): Promise<void>;
}

/** Everything Brook does, without Electron: the shell and the headless server both build this. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? (() => {});
  const now = options.clock ?? Date.now;
  secureDataDir(options.dataDir);
  const lock = acquireDataDirLock(options.dataDir);
  const file = join(options.dataDir, DATABASE_FILE);
  let opened: OpenedHistory;
  try {
    // Nothing here touches the network: history opens (and is checked) before any provider.
    opened = openHistory(file, options, now, log);
  } catch (err) {
    lock.release();
    throw err;
  }
  const { history } = opened;
  // The database and its WAL were just made (or opened) with the default umask.
  secureDataDir(options.dataDir);
  const interruptedAtStartup = history.markInterrupted();
  // Deletes still inside their undo window when Brook last stopped are final now.
  history.purgeDeleted();
  const bus = new EventBus();
  const services = createServices(options, history, bus, log);
  const { settings, streams, chat, local } = services;
  const check =
    opened.health.status === 'ok' ? quickCheckInBackground(file, options.nativeBinding, options.integrityCheckDelayMs ?? INTEGRITY_CHECK_DELAY_MS) : null;
  const maintenance: HistoryMaintenance = {
    health: opened.health,
    backups: new HistoryBackups(history, options.dataDir, options.clock),
    // A restore swaps the file: nothing may still be writing it, or reading it (Windows refuses to rename an open file).
    stopStreams: async () => {
      await check?.stop();
      await streams.stopAll();
    },
  };
  const updates = createUpdates(options, streams, bus, log);
  const handlers = createHandlers({ ...services, history, bus, desktop: options.desktop ?? noDesktop, maintenance, updates });
  const integrityChecked = watchIntegrity(check, file, maintenance, bus, now, log);
  const stopTitles = options.autoTitle === false ? () => {} : new AutoTitler(history, services.providers, bus, { log }).start();
  services.sync.start();
  warmTokenizer(TOKENIZER_WARM_DELAY_MS);
  return {
    handlers,
    bus,
    firstScreen: () => gatherFirstScreen(handlers),
    history,
    attachments: services.attachments,
    streams,
    settings,
    tools: services.tools,
    local,
    ready: local.apply(),
    interruptedAtStartup,
    integrityChecked,
    async shutdown() {
      updates.stop();
      await local.shutdown();
      await services.sync.stop();
      stopTitles();
      await check?.stop();
      await integrityChecked;
      await streams.stopAll();
      await services.tools.shutdown();
      await services.attachments.close();
      chat.finishDeletes();
      const firstScreen = options.keepFirstScreen ? await gatherFirstScreen(handlers).catch(() => null) : null;
      history.close();
      if (firstScreen) writeFirstScreenCache(options.dataDir, file, options.info.version, firstScreen, log);
      lock.release();
    },
  };
}

/** The update state machine, checking on start and every few hours when its setting is on. */
function createUpdates(options: CoreOptions, streams: StreamManager, bus: EventBus, log: (m: string) => void): UpdateService {
  const updates = new UpdateService({
    engine: options.updateEngine ?? unsupportedEngine('browser'),
    preferences: new FileUpdatePreferences(join(options.dataDir, 'updates.json')),
    currentVersion: options.info.version,
    isStreaming: () => streams.hasLive(),
    onStatus: (status) => bus.emit('updates.status', status),
    firstCheckDelayMs: options.firstUpdateCheckDelayMs,
    log,
  });
  updates.start();
  return updates;
}

interface OpenedHistory {
  history: HistoryStore;
  health: HistoryHealth;
}

/** Opens the history, moving a damaged file aside (never deleting it) and starting a new one if it cannot be opened. */
function openHistory(file: string, options: CoreOptions, now: () => number, log: (m: string) => void): OpenedHistory {
  let health: HistoryHealth = { status: 'ok', copyPath: null, detail: null };
  const open = () => new HistoryStore({ file, clock: options.clock, nativeBinding: options.nativeBinding });
  const integrity = checkOpens(file, options.nativeBinding);
  if (integrity.problem) {
    health = setAsideDamaged(file, integrity, now());
    log(`history database failed its integrity check (${integrity.problem}); copy at ${health.copyPath}`);
  }
  try {
    return { history: open(), health };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw err;
    // Damaged beyond opening: move it aside, start a new one, and say so.
    health = setAsideDamaged(file, { problem: String(err), unreadable: true }, now());
    log(`history database could not be opened (${String(err)}); moved to ${health.copyPath}`);
    return { history: open(), health };
  }
}

/** The modules above history, built in the order of their arrows (docs/architecture.md). */
function createServices(options: CoreOptions, history: HistoryStore, bus: EventBus, log: (m: string) => void) {
  const settings = new SettingsRepository(options.settingsBackend);
  const secrets = rememberingSecrets(options.secrets);
  const network = new Network(() => settings.read().settings.proxyUrl);
  const fetch = options.fetch ?? network.fetch;
  const providers = new ProviderService(
    settings,
    secrets,
    (baseUrl, kind) => ({ fetch, webSocketAgent: network.webSocketAgentFor(baseUrl || DEFAULT_BASE_URLS[kind]) }),
    options.clock,
  );
  const streams = new StreamManager({
    idleTimeoutMs: options.idleTimeoutMs ?? (() => settings.read().settings.streamTimeoutSeconds * 1000),
    onListenerError: (e) => log(`stream listener failed: ${String(e)}`),
  });
  const webSearch = new WebSearchService(settings, secrets, fetch, options.webSearch);
  const tools = new McpServerManager({ file: join(options.dataDir, 'mcp-servers.json'), secrets, bus, clientVersion: options.info.version, fetch, log });
  const attachments = createAttachmentStore(options.dataDir, history, bus, { now: options.clock, log });
  const chat = new ChatService(history, providers, streams, bus, {
    log,
    webSearch,
    tools,
    toolCallSettingsFile: join(options.dataDir, 'tool-calls.json'),
    attachments,
    toolImages: attachments,
    ...options.chat,
  });
  const info: AppInfo = { ...options.info, secretStorage: options.secrets.kind, dataDir: options.dataDir };
  const local = new LocalServices(
    { settings, secrets, providers, history, chat, streams, bus, systemLocale: options.info.systemLocale, log, feedMaxBufferedBytes: options.feedMaxBufferedBytes, timeouts: options.serverTimeouts },
    bus,
  );
  const assistants = new AssistantStore(history.database, options.clock);
  const language = () => {
    const chosen = settings.read().settings.language;
    return chosen === 'system' ? info.systemLocale || 'en' : chosen;
  };
  const transfer = new TransferService(history, assistants, language, options.clock, undefined, undefined, { read: (sha256) => readFile(attachments.blobs.pathOf(sha256)), store: (bytes) => attachments.storeFile(bytes), imageSize: (sha256) => attachments.imageSize(sha256), tempPath: () => attachments.blobs.newTempPath() });
  const sync = new SyncService({ history, secrets: options.secrets, bus, log, now: options.clock, firstDelayMs: options.syncFirstDelayMs });
  return { info, settings, providers, streams, webSearch, chat, local, assistants, transfer, sync, tools, attachments };
}

/** The full integrity check's verdict, once it comes: damage is copied aside and windows are told. */
function watchIntegrity(
  check: BackgroundCheck | null,
  file: string,
  maintenance: HistoryMaintenance,
  bus: EventBus,
  now: () => number,
  log: (m: string) => void,
): Promise<void> {
  if (!check) return Promise.resolve();
  return check.result.then(
    (problem) => {
      if (!problem) return;
      maintenance.health = setAsideDamaged(file, { problem, unreadable: false }, now());
      log(`history database failed its integrity check (${problem}); copy at ${maintenance.health.copyPath}`);
      bus.emit('history.health', maintenance.health);
    },
    (err: unknown) => log(`integrity check did not finish: ${String(err)}`),
  );
}
