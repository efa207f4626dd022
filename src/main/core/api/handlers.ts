import type { Handlers } from '../../../shared/contract';
import type { AppInfo } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ChatService } from '../chat/ChatService';
import type { EventBus } from '../events';
import type { HistoryStore } from '../history/HistoryStore';
import type { ProviderService } from '../settings/ProviderService';
import type { SettingsRepository } from '../settings/settingsState';

export interface HandlerDeps {
  info: AppInfo;
  history: HistoryStore;
  settings: SettingsRepository;
  providers: ProviderService;
  chat: ChatService;
  bus: EventBus;
}

export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'app.info': () => d.info,
    'settings.get': () => d.settings.read().settings,
    'settings.update': (patch) => {
      if (patch.defaultProviderId && !d.providers.get(patch.defaultProviderId)) {
        throw new AppError('not_found', { detail: `provider ${patch.defaultProviderId}` });
      }
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return d.settings.update((s) => ({ ...s, settings: { ...s.settings, ...defined } })).settings;
    },

    'providers.list': () => d.providers.list(),
    'providers.save': ({ id, draft }) => d.providers.save(id, draft),
    'providers.remove': ({ id }) => {
      d.providers.remove(id);
      return null;
    },
    'providers.test': ({ id, draft }) => d.providers.test(id, draft),

    'conversations.list': () => d.history.listConversations(),
    'conversations.create': ({ providerId, model }) =>
      d.history.createConversation({ providerId: providerId ?? null, model: model ?? null }),
    'conversations.rename': ({ id, title }) => {
      const c = d.history.renameConversation(id, title);
      d.bus.emit('conversation.updated', c);
      return c;
    },
    'conversations.delete': async ({ id }) => {
      await d.chat.stop(id);
      d.history.deleteConversation(id);
      return null;
    },
    'conversations.messages': ({ id }) => d.history.visiblePath(id),
    'conversations.update': ({ id, providerId, model }) => {
      if (providerId && !d.providers.get(providerId)) throw new AppError('not_found', { detail: `provider ${providerId}` });
      return d.history.setConversationModel(id, providerId, model);
    },

    'chat.send': ({ conversationId, text }) => d.chat.send(conversationId, text),
    'chat.stop': async ({ conversationId }) => {
      await d.chat.stop(conversationId);
      return null;
    },
    'chat.retry': ({ conversationId, messageId }) => d.chat.retry(conversationId, messageId),
    'chat.attach': ({ conversationId }) => d.chat.attach(conversationId),
  };
}
