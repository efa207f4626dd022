import type { Handlers } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerDeps } from '../deps';

/** The conversation list and each conversation's own settings. */
export const conversationHandlers = (d: HandlerDeps) =>
  ({
    'conversations.list': ({ origin, limit }) => d.history.listConversations(origin, limit),
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
    'conversations.messagesPage': ({ id, before, limit }) => d.history.visiblePage(id, before === undefined ? { limit } : { before, limit }),
    'conversations.switchBranch': ({ id, messageId }) => d.chat.switchBranch(id, messageId),
    'conversations.deleteMessage': ({ id, messageId }) => d.chat.deleteMessage(id, messageId),
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
    'conversations.setWebSearch': ({ id, enabled }) => {
      const c = d.history.setConversationWebSearch(id, enabled);
      d.bus.emit('conversation.updated', c);
      return c;
    },
  }) satisfies Partial<Handlers>;
