import type { Handlers, SettingsPatch } from '../../../shared/contract';
import type { AppInfo, HistoryHealth, LocalServicesStatus, Settings } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ChatService } from '../chat';
import type { DesktopPort, EventBus } from '../base';
import type { AssistantStore, HistoryBackups, HistoryStore, TransferService } from '../history';
import type { ProviderService, SettingsRepository } from '../settings';
import type { WebSearchService } from '../websearch';

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

export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'app.info': () => d.info,
    'settings.get': () => d.settings.read().settings,
    'settings.update': (patch) => {
      for (const providerId of [patch.defaultProviderId, patch.quickAsk?.providerId]) {
        if (providerId && !d.providers.get(providerId)) throw new AppError('not_found', { detail: `provider ${providerId}` });
      }
      const settings = d.settings.update((s) => ({ ...s, settings: mergeSettings(s.settings, patch) })).settings;
      d.bus.emit('settings.updated', settings);
      d.bus.emit('desktop.statusChanged', d.desktop.applySettings(settings));
      void d.local.apply(settings);
      return settings;
    },

    'providers.list': () => d.providers.list(),
    'providers.save': ({ id, draft }) => d.providers.save(id, draft),
    'providers.remove': ({ id }) => {
      d.providers.remove(id);
      return null;
    },
    'providers.test': ({ id, draft }) => d.providers.test(id, draft),

    'conversations.list': ({ origin }) => d.history.listConversations(origin),
    'conversations.create': ({ providerId, model, origin, assistantId }) => {
      const quick = origin === 'quick' ? d.settings.read().settings.quickAsk : null;
      const assistant = assistantId ? d.assistants.require(assistantId) : null;
      const c = d.history.createConversation({
        providerId: providerId ?? quick?.providerId ?? null,
        model: model ?? quick?.model ?? null,
        origin,
        params: assistant ? { ...assistant.params } : undefined,
      });
      d.bus.emit('conversation.created', c);
      return c;
    },
    'conversations.rename': ({ id, title }) => {
      const c = d.history.renameConversation(id, title);
      d.bus.emit('conversation.updated', c);
      return c;
    },
    'conversations.delete': async ({ id }) => {
      await d.chat.deleteConversation(id);
      d.bus.emit('conversation.deleted', { id });
      return null;
    },
    'conversations.restore': ({ id }) => {
      const c = d.chat.restoreConversation(id);
      d.bus.emit('conversation.created', c);
      return c;
    },
    'conversations.setPinned': ({ id, pinned }) => {
      const c = d.history.setPinned(id, pinned);
      d.bus.emit('conversation.updated', c);
      return c;
    },
    'conversations.setArchived': ({ id, archived }) => {
      const c = d.history.setArchived(id, archived);
      d.bus.emit('conversation.updated', c);
      return c;
    },
    'conversations.messages': ({ id }) => d.history.visiblePath(id),
    'conversations.switchBranch': ({ id, messageId }) => d.chat.switchBranch(id, messageId),
    'conversations.setParams': ({ id, params }) => {
      const c = d.history.setConversationParams(id, params);
      d.bus.emit('conversation.updated', c);
      return c;
    },
    'conversations.update': ({ id, providerId, model }) => {
      if (providerId && !d.providers.get(providerId)) throw new AppError('not_found', { detail: `provider ${providerId}` });
      const c = d.history.setConversationModel(id, providerId, model);
      d.bus.emit('conversation.updated', c);
      return c;
    },

    'chat.edit': ({ conversationId, messageId, text }) => d.chat.edit(conversationId, messageId, text),
    'conversations.setWebSearch': ({ id, enabled }) => {
      const c = d.history.setConversationWebSearch(id, enabled);
      d.bus.emit('conversation.updated', c);
      return c;
    },

    'chat.send': ({ conversationId, text, webSearch }) => {
      if (webSearch !== undefined && d.history.requireConversation(conversationId).webSearch !== webSearch) {
        d.bus.emit('conversation.updated', d.history.setConversationWebSearch(conversationId, webSearch));
      }
      return d.chat.send(conversationId, text);
    },
    'chat.stop': async ({ conversationId }) => {
      await d.chat.stop(conversationId);
      return null;
    },
    'chat.retry': ({ conversationId, messageId }) => d.chat.retry(conversationId, messageId),
    'chat.continue': ({ conversationId, messageId }) => d.chat.continueAnswer(conversationId, messageId),
    'chat.attach': ({ conversationId }) => d.chat.attach(conversationId),

    'local.status': () => d.local.status(),
    'local.renewFeedToken': () => d.local.renewFeedToken(),
    'local.renewApiKey': () => d.local.renewApiKey(),
    'assistants.list': () => d.assistants.list(),
    'assistants.save': ({ id, draft }) => {
      const a = d.assistants.save(id, draft);
      d.bus.emit('assistants.changed', { assistants: d.assistants.list() });
      return a;
    },
    'assistants.remove': ({ id }) => {
      d.assistants.remove(id);
      d.bus.emit('assistants.changed', { assistants: d.assistants.list() });
      return null;
    },

    'transfer.exportConversation': ({ id, format }) => d.transfer.exportConversation(id, format),
    'transfer.exportAll': ({ exportId, part }) => d.transfer.exportAll(exportId, part),
    'transfer.importChunk': ({ uploadId, index, last, text }) => {
      const result = d.transfer.importChunk(uploadId, index, last, text);
      if (!result) return null;
      const { touchedIds, ...summary } = result as typeof result & { touchedIds?: string[] };
      // Every window lists what arrived (created, or grown by new messages).
      if (touchedIds && touchedIds.length > 0) d.bus.emit('conversations.imported', { ids: touchedIds });
      if (summary.format === 'brook') d.bus.emit('assistants.changed', { assistants: d.assistants.list() });
      return summary;
    },
    'webSearch.keys': () => d.webSearch.keys(),
    'webSearch.setKey': ({ backend, key }) => d.webSearch.setKey(backend, key),

    'history.search': (args) => d.history.search.search(args),
    'history.health': () => d.maintenance.health,
    'history.backup': () => d.maintenance.backups.create(),
    'history.backups': () => d.maintenance.backups.list(),
    'history.restore': async ({ name }) => {
      await d.maintenance.stopStreams();
      await d.maintenance.backups.restore(name);
      d.bus.emit('history.restored', { name });
      return null;
    },

    'desktop.status': () => d.desktop.status(),
    'desktop.openInMain': ({ conversationId }) => {
      d.history.requireConversation(conversationId);
      d.desktop.openInMain(conversationId);
      return null;
    },
    'desktop.hideQuickAsk': () => {
      d.desktop.hideQuickAsk();
      return null;
    },
    'desktop.setQuickAskPinned': ({ pinned }) => {
      d.desktop.setQuickAskPinned(pinned);
      return null;
    },
  };
}

/** Top-level fields replace; the quickAsk, localFeed, localApi and webSearch groups merge field by field. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const { quickAsk, localFeed, localApi, webSearch, ...top } = patch;
  return {
    ...current,
    ...defined(top),
    quickAsk: { ...current.quickAsk, ...(quickAsk ? defined(quickAsk) : {}) },
    localFeed: { ...current.localFeed, ...(localFeed ? defined(localFeed) : {}) },
    localApi: { ...current.localApi, ...(localApi ? defined(localApi) : {}) },
    webSearch: { ...current.webSearch, ...(webSearch ? defined(webSearch) : {}) },
  };
}
