import { z } from 'zod';
import type { Assistant } from '../domain';
import { conversationParamsSchema } from './conversations';
import { empty, id, req } from './define';
import { assistantSchema } from './payloads';

export const assistantDraftSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  params: conversationParamsSchema,
});
export type AssistantDraft = z.infer<typeof assistantDraftSchema>;

export const assistantRequests = {
  'assistants.list': req<Assistant[]>()(empty),
  'assistants.save': req<Assistant>()(z.strictObject({ id: id.optional(), draft: assistantDraftSchema })),
  'assistants.remove': req<null>()(z.strictObject({ id })),
};

export const assistantEvents = {
  /** Saved prompts changed (here or in another window): the whole list. */
  'assistants.changed': z.object({ assistants: z.array(assistantSchema) }),
};
