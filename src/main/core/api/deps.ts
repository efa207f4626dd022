import type { AppInfo, HistoryHealth, LocalServicesStatus, Settings } from '../../../shared/domain';
import type { AttachmentStore } from '../attachments';
import type { DesktopPort, EventBus } from '../base';
import type { ChatService } from '../chat';
import type { AssistantStore, HistoryBackups, HistoryStore, TransferService } from '../history';
import type { ProviderService, SettingsRepository } from '../settings';
import type { UpdateService } from '../updates';
import type { SyncService } from '../sync';
import type { WebSearchService } from '../websearch';

/** What the request handlers work with; createCore builds it. */
export interface HandlerDeps {
  info: AppInfo;
  history: HistoryStore;
  settings: SettingsRepository;
  providers: ProviderService;
  chat: ChatService;
  bus: EventBus;
  desktop: DesktopPort;
  local: LocalServicesControl;
  assistants: AssistantStore;
  transfer: TransferService;
  webSearch: WebSearchService;
  maintenance: HistoryMaintenance;
  updates: UpdateService;
  sync: SyncService;
  attachments: AttachmentStore;
}

/** The live feed and local API as the requests see them (servers/LocalServices fills it in). */
export interface LocalServicesControl {
  status(): LocalServicesStatus;
  renewFeedToken(): LocalServicesStatus;
  renewApiKey(): LocalServicesStatus;
  /** Resolves once the servers match `settings`. */
  apply(settings: Settings): Promise<void>;
}

export interface HistoryMaintenance {
  health: HistoryHealth;
  backups: HistoryBackups;
  /** Before a restore swaps the database: ends live streams and the background integrity check. */
  stopStreams(): Promise<void>;
}
