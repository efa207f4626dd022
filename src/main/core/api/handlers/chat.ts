import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Turns: send, edit, stop, regenerate, continue, and late attach to a live answer. */
export const chatHandlers = (d: HandlerDeps) =>
  ({
    'chat.edit': ({ conversationId, messageId, text }) => d.chat.edit(conversationId, messageId, text),
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
  }) satisfies Partial<Handlers>;
