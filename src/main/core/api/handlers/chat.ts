import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Turns: send, edit, stop, regenerate, continue, and late attach to a live answer. */
export const chatHandlers = (d: HandlerDeps) =>
  ({
    'chat.edit': async ({ conversationId, messageId, text, attachmentIds }) => {
      // Without ids the edited question keeps the old one's attachments (ChatService.edit).
      const attachments = attachmentIds === undefined ? undefined : await d.attachments.prepareForMessage(attachmentIds);
      return d.chat.edit(conversationId, messageId, text, attachments);
    },
    'chat.send': async ({ conversationId, text, webSearch, attachmentIds, withoutImages }) => {
      // Waits for the documents' text, so what is sent is what was attached.
      const attachments = attachmentIds?.length ? await d.attachments.prepareForMessage(attachmentIds) : [];
      if (webSearch !== undefined && d.history.requireConversation(conversationId).webSearch !== webSearch) {
        d.bus.emit('conversation.updated', d.history.setConversationWebSearch(conversationId, webSearch));
      }
      return d.chat.send(conversationId, text, attachments, withoutImages === true);
    },
    'chat.stop': async ({ conversationId }) => {
      await d.chat.stop(conversationId);
      return null;
    },
    'chat.retry': ({ conversationId, messageId }) => d.chat.retry(conversationId, messageId),
    'chat.continue': ({ conversationId, messageId }) => d.chat.continueAnswer(conversationId, messageId),
    'chat.attach': ({ conversationId }) => d.chat.attach(conversationId),
  }) satisfies Partial<Handlers>;
