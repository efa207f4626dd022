import { z } from 'zod';
import type { Message, StreamSnapshot } from '../domain';
import { attachmentIdsField } from './attachments';
import { id, req } from './define';
import { MAX_MESSAGE_CHARS, messageFits } from './limits';
import { messageSchema, streamEnvelopeSchema } from './payloads';

/** Checked the same way as the window checks before sending: characters, then bytes as sent. */
const messageText = z.string().max(MAX_MESSAGE_CHARS).refine(messageFits, 'too long as sent');
/** A question needs words or at least one attachment (a screenshot alone is a fair question). */
const hasContent = (args: { text: string; attachmentIds?: string[] }) => args.text.length > 0 || (args.attachmentIds?.length ?? 0) > 0;

export const chatRequests = {
  /**
   * `webSearch`, when given, is also remembered as the conversation's search switch.
   * `withoutImages`: the user chose to send to a model that cannot see images; the images stay on
   * the message but this answer is asked without them, and records how many were left out.
   */
  'chat.send': req<{ userMessage: Message; assistantMessage: Message }>()(
    z
      .strictObject({
        conversationId: id,
        text: messageText,
        webSearch: z.boolean().optional(),
        attachmentIds: attachmentIdsField.optional(),
        withoutImages: z.boolean().optional(),
      })
      .refine(hasContent, 'empty'),
  ),
  /**
   * Edits a question: the new text becomes a sibling branch and is answered. Without
   * `attachmentIds` the edited question keeps the original's attachments; with it, exactly those.
   */
  'chat.edit': req<{ userMessage: Message; assistantMessage: Message }>()(
    z
      .strictObject({ conversationId: id, messageId: id, text: messageText, attachmentIds: attachmentIdsField.optional() })
      .refine(hasContent, 'empty'),
  ),
  'chat.stop': req<null>()(z.strictObject({ conversationId: id })),
  /** Answers again (regenerate), as a new sibling branch; the old answer stays one ‹ › away. */
  'chat.retry': req<{ assistantMessage: Message }>()(z.strictObject({ conversationId: id, messageId: id })),
  /** Carries on a stopped, interrupted, failed or length-cut answer in the same message. */
  'chat.continue': req<{ assistantMessage: Message }>()(z.strictObject({ conversationId: id, messageId: id })),
  /** Late attach: what has streamed so far; live events follow. */
  'chat.attach': req<StreamSnapshot | null>()(z.strictObject({ conversationId: id })),
};

export const chatEvents = {
  /** One assistant answer as it streams (shared/streamEvents). */
  stream: streamEnvelopeSchema,
  /** A user message was saved (from any window or the local API); the live feed repeats it. */
  'chat.userMessage': messageSchema,
};
