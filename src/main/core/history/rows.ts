import { z } from 'zod';
import { conversationParamsSchema, toolStepSchema } from '../../../shared/contract';
import type { AnswerContext, BranchInfo, Conversation, ConversationOrigin, ConversationParams, Message, MessageRole, MessageStatus } from '../../../shared/domain';
import { isAppErrorData, type AppErrorData } from '../../../shared/errors';
import type { WebSearchRecord } from '../../../shared/webSearch';
import type { ToolStep } from '../../../shared/toolCalls';

export interface ConversationRow {
  id: string;
  title: string;
  origin: ConversationOrigin;
  params_json: string;
  provider_id: string | null;
  model: string | null;
  current_leaf_id: string | null;
  pinned: number;
  archived: number;
  deleted_at: number | null;
  auto_title: number;
  source_id: string | null;
  web_search: number | null;
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
  context_json: string | null;
  finish_reason: string | null;
  reasoning_ms: number | null;
  source_id?: string | null;
  web_search_json: string | null;
  /** Migration 11; absent in rows read before it ran. */
  tool_steps_json?: string | null;
  created_at: number;
  updated_at: number;
}

export function toConversation(row: ConversationRow): Conversation {
  return conversationOf(row.id, row.title, row.origin, row.params_json, row.provider_id, row.model, row.pinned, row.archived, row.web_search, row.created_at, row.updated_at);
}

/**
 * The columns the conversation list needs, read as arrays (`.raw()`): for thousands of rows,
 * better-sqlite3 building an object per row with every column cost twice as much as this
 * (the list of 10,000 conversations, and the window asking for it during a big import, #12.5).
 */
export const CONVERSATION_LIST_COLUMNS = 'id, title, origin, params_json, provider_id, model, pinned, archived, web_search, created_at, updated_at';
export type ConversationListRow = [
  id: string,
  title: string,
  origin: ConversationOrigin,
  paramsJson: string,
  providerId: string | null,
  model: string | null,
  pinned: number,
  archived: number,
  webSearch: number | null,
  createdAt: number,
  updatedAt: number,
];

export function listRowToConversation(row: ConversationListRow): Conversation {
  return conversationOf(...row);
}

function conversationOf(...[id, title, origin, paramsJson, providerId, model, pinned, archived, webSearch, createdAt, updatedAt]: ConversationListRow): Conversation {
  return {
    id,
    title,
    origin,
    params: paramsJson === '{}' ? {} : parseParams(paramsJson),
    providerId,
    model,
    pinned: pinned === 1,
    archived: archived === 1,
    webSearch: webSearch === null ? null : webSearch === 1,
    createdAt,
    updatedAt,
  };
}

/** `sibling_ids`: a JSON array of the message's siblings (itself included), oldest first. */
export function toBranch(id: string, siblingIdsJson: string): BranchInfo {
  const ids = parseJson(siblingIdsJson, z.array(z.string())) ?? [id];
  const index = Math.max(0, ids.indexOf(id));
  return { index, count: ids.length, prevId: ids[index - 1] ?? null, nextId: ids[index + 1] ?? null };
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
    context: parseJson(row.context_json, answerContextSchema),
    finishReason: row.finish_reason,
    reasoningMs: row.reasoning_ms,
    webSearch: parseJson(row.web_search_json, webSearchRecordSchema),
    ...(row.tool_steps_json ? { toolSteps: parseToolSteps(row.tool_steps_json) } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An answer's tool steps (migration 11); null when unreadable. */
export function parseToolSteps(json: string): ToolStep[] | null {
  return parseJson(json, toolStepsSchema);
}

const toolStepsSchema = z.array(toolStepSchema);

const webSearchRecordSchema: z.ZodType<WebSearchRecord> = z.object({
  steps: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['queries', 'search', 'read', 'compose']),
      status: z.enum(['running', 'done', 'failed', 'skipped']),
      args: z.array(z.string()),
      engine: z.string().optional(),
      resultCount: z.number().optional(),
      title: z.string().optional(),
      error: z.custom<AppErrorData>(isAppErrorData).optional(),
    }),
  ),
  sources: z.array(
    z.object({ n: z.number(), url: z.string(), title: z.string(), site: z.string(), excerpt: z.string() }),
  ),
});

const answerContextSchema = z.object({
  sent: z.number(),
  total: z.number(),
  estimatedTokens: z.number(),
  contextWindow: z.number(),
  cutDocuments: z.array(z.object({ name: z.string(), sentChars: z.number(), totalChars: z.number() })).optional(),
  imagesLeftOut: z.number().optional(),
});

/** A row written by a newer or broken build must not make the whole history unreadable. */
function parseParams(json: string): ConversationParams {
  return parseJson(json, conversationParamsSchema) ?? {};
}

function parseJson<T>(json: string | null, schema: z.ZodType<T>): T | null {
  if (!json) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type { AnswerContext };

function parseError(json: string | null): AppErrorData | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isAppErrorData(value) ? value : null;
  } catch {
    return null;
  }
}
