import { z } from 'zod';
import type { Conversation, Message } from '../domain';
import { id, req } from './define';
import { MAX_TITLE_CHARS } from './limits';
import { conversationSchema } from './payloads';
import { REASONING_EFFORTS, THINKING_BUDGET_RANGE } from '../modelCatalog';

const origin = z.enum(['chat', 'quick', 'api']);
/** The most messages one `conversations.messagesPage` answers with. */
export const MAX_PAGE_MESSAGES = 1000;
/** `api` conversations are made only by the local API. */
const creatableOrigin = z.enum(['chat', 'quick']);

/**
 * The widest ranges any provider accepts; each provider's own narrower range is checked when a
 * turn starts (see the provider's parameter table).
 */
export const conversationParamsSchema = z.strictObject({
  systemPrompt: z.string().max(100_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().int().min(1).max(1000).optional(),
  maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
  thinkingBudget: z.number().int().min(THINKING_BUDGET_RANGE.min).max(THINKING_BUDGET_RANGE.max).optional(),
  reasoningEffort: z.enum(REASONING_EFFORTS).optional(),
});

export const conversationRequests = {
  /**
   * Pinned first, then newest first. `limit`: only the first rows — a window asks for one
   * screen's worth to paint at start, then for the whole list.
   */
  'conversations.list': req<Conversation[]>()(z.strictObject({ origin: origin.optional(), limit: z.number().int().min(1).max(1_000_000).optional() })),
  /** A quick ask starts with the quick model from settings unless one is given. */
  'conversations.create': req<Conversation>()(
    z.strictObject({
      providerId: id.nullable().optional(),
      model: z.string().max(200).nullable().optional(),
      origin: creatableOrigin.optional(),
      /** A saved prompt whose system prompt and parameters are copied into the new conversation. */
      assistantId: id.nullable().optional(),
    }),
  ),
  'conversations.rename': req<Conversation>()(z.strictObject({ id, title: z.string().trim().min(1).max(MAX_TITLE_CHARS) })),
  /** Hides the conversation at once; `conversations.restore` brings it back within UNDO_DELETE_MS. */
  'conversations.delete': req<null>()(z.strictObject({ id })),
  'conversations.restore': req<Conversation>()(z.strictObject({ id })),
  'conversations.setPinned': req<Conversation>()(z.strictObject({ id, pinned: z.boolean() })),
  'conversations.setArchived': req<Conversation>()(z.strictObject({ id, archived: z.boolean() })),
  /** The visible branch, root first; each message carries its `branch` (‹ 2/3 ›). */
  'conversations.messages': req<Message[]>()(z.strictObject({ id })),
  /**
   * A window of the visible branch: the newest `limit` messages, or those above `before` (the
   * oldest message the caller has). Root first; `hasOlder` when the branch goes on above them.
   */
  'conversations.messagesPage': req<{ messages: Message[]; hasOlder: boolean }>()(
    z.strictObject({ id, before: id.optional(), limit: z.number().int().min(1).max(MAX_PAGE_MESSAGES) }),
  ),
  /** Shows the alternative `messageId` and its most recent continuation; returns the new visible branch. */
  'conversations.switchBranch': req<Message[]>()(z.strictObject({ id, messageId: id })),
  /**
   * Deletes a message with every reply below it (on all their branches); its own alternatives
   * stay. Returns the visible branch afterwards and how many messages went.
   */
  'conversations.deleteMessage': req<{ messages: Message[]; removed: number }>()(z.strictObject({ id, messageId: id })),
  'conversations.update': req<Conversation>()(z.strictObject({ id, providerId: id.nullable(), model: z.string().max(200).nullable() })),
  /** Replaces the conversation's model parameters (system prompt, temperature, …). */
  'conversations.setParams': req<Conversation>()(z.strictObject({ id, params: conversationParamsSchema })),
  /** Per-conversation web search (null: the default in settings). */
  'conversations.setWebSearch': req<Conversation>()(z.strictObject({ id, enabled: z.boolean().nullable() })),
};

export const conversationEvents = {
  'conversation.updated': conversationSchema,
  /** Also sent for conversations created elsewhere (the quick-ask window, another tab). */
  'conversation.created': conversationSchema,
  'conversation.deleted': z.object({ id: z.string() }),
  /** An import added or grew these conversations: windows fetch the list again (one event, however many). */
  'conversations.imported': z.object({ ids: z.array(z.string()) }),
};
