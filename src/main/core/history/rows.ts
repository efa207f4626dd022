import type { Conversation, ConversationOrigin, Message, MessageRole, MessageStatus } from '../../../shared/domain';
import { isAppErrorData, type AppErrorData } from '../../../shared/errors';

export interface ConversationRow {
  id: string;
  title: string;
  origin: ConversationOrigin;
  provider_id: string | null;
  model: string | null;
  current_leaf_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: MessageRole;
  content: string;
  reasoning: string;
  status: MessageStatus;
  error_json: string | null;
  provider_id: string | null;
  model: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  created_at: number;
  updated_at: number;
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    title: row.title,
    origin: row.origin,
    providerId: row.provider_id,
    model: row.model,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    status: row.status,
    error: parseError(row.error_json),
    providerId: row.provider_id,
    model: row.model,
    usage:
      row.prompt_tokens === null && row.completion_tokens === null
        ? null
        : {
            promptTokens: row.prompt_tokens ?? 0,
            completionTokens: row.completion_tokens ?? 0,
            totalTokens: row.total_tokens ?? (row.prompt_tokens ?? 0) + (row.completion_tokens ?? 0),
          },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseError(json: string | null): AppErrorData | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isAppErrorData(value) ? value : null;
  } catch {
    return null;
  }
}
