/**
 * Calling tools (docs/mcp.md, "Calling tools"): the answer to a waiting step, the tool-call
 * settings, and each conversation's tool selection. The steps themselves travel as `tool.step`
 * stream events and on stored messages (payloads.ts `toolStepSchema`).
 */
import { z } from 'zod';
import { TOOL_CALL_LIMITS, type ConversationToolSelection, type ToolCallSettings } from '../toolCalls';
import { empty, id, req } from './define';

export { toolStepSchema } from './payloads';

/** A server the Tools switch can offer, as the tool host lists it. */
export interface ToolServerSummary {
  serverId: string;
  serverName: string;
  tools: { id: string; name: string; description: string }[];
}

const toolIds = z.array(z.string().min(1).max(300)).max(500);
export const toolChoiceSchema = z.strictObject({ on: z.boolean(), serverIds: toolIds, offToolIds: toolIds });

const bounded = (limits: { min: number; max: number }) => z.number().int().min(limits.min).max(limits.max);

export const toolCallRequests = {
  /** The user's answer in a waiting step: Allow once, Always allow this tool, or Deny. */
  'toolCalls.approve': req<null>()(
    z.strictObject({ conversationId: id, stepId: z.string().min(1).max(200), decision: z.enum(['once', 'always', 'deny']) }),
  ),
  'toolCalls.settings': req<ToolCallSettings>()(empty),
  /** Fields left out keep their value. */
  'toolCalls.setSettings': req<ToolCallSettings>()(
    z.strictObject({
      approval: z.enum(['ask', 'auto']).optional(),
      maxRounds: bounded(TOOL_CALL_LIMITS.maxRounds).optional(),
      timeoutSeconds: bounded(TOOL_CALL_LIMITS.timeoutSeconds).optional(),
      resultCapBytes: bounded(TOOL_CALL_LIMITS.resultCapBytes).optional(),
      enabledByDefault: z.boolean().optional(),
    }),
  ),
  /** The servers with tools a conversation may switch on (starts stdio servers lazily). */
  'toolCalls.servers': req<ToolServerSummary[]>()(empty),
  'toolCalls.selection': req<ConversationToolSelection>()(z.strictObject({ conversationId: id })),
  /** The Tools switch and which servers and tools it offers; `choice: null` returns the conversation to the default. */
  'toolCalls.setSelection': req<ConversationToolSelection>()(z.strictObject({ conversationId: id, choice: toolChoiceSchema.nullable() })),
};
