import { join } from 'node:path';
import type { Handlers } from '../../shared/contract';
import type { AppInfo } from '../../shared/domain';
import { createHandlers } from './api/handlers';
import { acquireDataDirLock } from './dataDirLock';
import { noDesktop, type DesktopPort } from './desktop';
import { ChatService, type ChatServiceOptions } from './chat/ChatService';
import { EventBus } from './events';
import { HistoryBackups } from './history/backups';
import { HistoryStore } from './history/HistoryStore';
import { checkOpens, quickCheckInBackground, setAsideDamaged } from './history/integrity';
import type { HistoryHealth } from '../../shared/domain';
import type { ProviderDeps } from './providers/provider';
import { Network } from './network/proxy';
import { ProviderService } from './settings/ProviderService';
import { DEFAULT_BASE_URLS } from '../../shared/providerCatalog';
import type { SecretStore } from './settings/secrets';
import { SettingsRepository, type SettingsBackend } from './settings/settingsState';
import { StreamManager } from './stream/StreamManager';

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
}

export interface Core {
  handlers: Handlers;
  bus: EventBus;
  history: HistoryStore;
  streams: StreamManager;
  settings: SettingsRepository;
  /** Rows a previous run left streaming, now marked interrupted. */
  interruptedAtStartup: number;
  /** The full integrity check, which runs in the background after startup. */
  integrityChecked: Promise<void>;
  shutdown(): Promise<void>;
}

export const DATABASE_FILE = 'brook.sqlite';

/** Everything Brook does, without Electron: the shell and the headless server both build this. */
export function createCore(options: CoreOptions): Core {
  const log = options.log ?? (() => {});
  const lock = acquireDataDirLock(options.dataDir);
  let history: HistoryStore;
  let health: HistoryHealth = { status: 'ok', copyPath: null, detail: null };
  const file = join(options.dataDir, DATABASE_FILE);
  const openStore = () => new HistoryStore({ file, clock: options.clock, nativeBinding: options.nativeBinding });
  try {
    // Nothing here touches the network: history opens (and is checked) before any provider.
    const integrity = checkOpens(file, options.nativeBinding);
    if (integrity.problem) {
      health = setAsideDamaged(file, integrity, (options.clock ?? Date.now)());
      log(`history database failed its integrity check (${integrity.problem}); copy at ${health.copyPath}`);
    }
    try {
      history = openStore();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'string' || !/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw err;
      // Damaged beyond opening: move it aside (never delete), start a new one, and say so.
      health = setAsideDamaged(file, { problem: String(err), unreadable: true }, (options.clock ?? Date.now)());
      log(`history database could not be opened (${String(err)}); moved to ${health.copyPath}`);
      history = openStore();
    }
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
  const chat = new ChatService(history, providers, streams, bus, { log, ...options.chat });
  const info: AppInfo = { ...options.info, secretStorage: options.secrets.kind, dataDir: options.dataDir };
  const backups = new HistoryBackups(history, options.dataDir, options.clock);
  const check = health.status === 'ok' ? quickCheckInBackground(file, options.nativeBinding) : null;
  const maintenance = {
    health,
    backups,
    // A restore swaps the file: nothing may still be writing it, or reading it (Windows refuses to rename an open file).
    stopStreams: async () => {
      await check?.stop();
      await streams.stopAll();
    },
  };
  const handlers = createHandlers({
    info, history, settings, providers, chat, bus, desktop: options.desktop ?? noDesktop, maintenance,
  });
  const integrityChecked = !check
    ? Promise.resolve()
    : check.result.then(
        (problem) => {
          if (!problem) return;
          maintenance.health = setAsideDamaged(file, { problem, unreadable: false }, (options.clock ?? Date.now)());
          log(`history database failed its integrity check (${problem}); copy at ${maintenance.health.copyPath}`);
          bus.emit('history.health', maintenance.health);
        },
        (err: unknown) => log(`integrity check did not finish: ${String(err)}`),
      );
  return {
    handlers,
    bus,
    history,
    streams,
    settings,
    interruptedAtStartup,
    integrityChecked,
    async shutdown() {
      await check?.stop();
      await integrityChecked;
      await streams.stopAll();
      history.close();
      lock.release();
    },
  };
}
