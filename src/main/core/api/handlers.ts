import type { Handlers, SettingsPatch } from '../../../shared/contract';
import type { AppInfo, Settings } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ChatService } from '../chat/ChatService';
import type { DesktopPort } from '../desktop';
import type { EventBus } from '../events';
import type { HistoryBackups } from '../history/backups';
import type { HistoryStore } from '../history/HistoryStore';
import type { HistoryHealth } from '../../../shared/domain';
import type { ProviderService } from '../settings/ProviderService';
import type { SettingsRepository } from '../settings/settingsState';

export interface HandlerDeps {
  info: AppInfo;
  history: HistoryStore;
  settings: SettingsRepository;
  providers: ProviderService;
  chat: ChatService;
  bus: EventBus;
  desktop: DesktopPort;
  maintenance: HistoryMaintenance;
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
    'conversations.create': ({ providerId, model, origin }) => {
      const quick = origin === 'quick' ? d.settings.read().settings.quickAsk : null;
      const c = d.history.createConversation({
        providerId: providerId ?? quick?.providerId ?? null,
        model: model ?? quick?.model ?? null,
        origin,
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
    'conversations.messages': ({ id }) => d.history.visiblePath(id),
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

    'chat.send': ({ conversationId, text }) => d.chat.send(conversationId, text),
    'chat.stop': async ({ conversationId }) => {
      await d.chat.stop(conversationId);
      return null;
    },
    'chat.retry': ({ conversationId, messageId }) => d.chat.retry(conversationId, messageId),
    'chat.continue': ({ conversationId, messageId }) => d.chat.continueAnswer(conversationId, messageId),
    'chat.attach': ({ conversationId }) => d.chat.attach(conversationId),

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

/** Top-level fields replace; the quickAsk group merges field by field. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const { quickAsk, ...top } = patch;
  return {
    ...current,
    ...defined(top),
    quickAsk: { ...current.quickAsk, ...(quickAsk ? defined(quickAsk) : {}) },
  };
}
