import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Calling tools: approvals, the settings, each conversation's selection, the servers to choose from. */
export const toolCallHandlers = (d: HandlerDeps) =>
  ({
    'toolCalls.approve': ({ conversationId, stepId, decision }) => d.chat.toolCalling.approve(conversationId, stepId, decision),
    'toolCalls.settings': () => d.chat.toolCalling.settings(),
    'toolCalls.setSettings': (patch) => d.chat.toolCalling.setSettings(patch),
    'toolCalls.servers': () => d.chat.toolCalling.servers(),
    'toolCalls.selection': ({ conversationId }) => d.chat.toolCalling.selection(conversationId),
    'toolCalls.setSelection': ({ conversationId, choice }) => d.chat.toolCalling.setSelection(conversationId, choice),
  }) satisfies Partial<Handlers>;
