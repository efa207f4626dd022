import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ATTACHMENT_MAX_FILE_BYTES, ATTACHMENT_MAX_PER_MESSAGE } from '../../../../shared/attachments';
import { conversationParamsSchema, toolStepSchema } from '../../../../shared/contract';
import type { Assistant, Conversation, Message } from '../../../../shared/domain';
import { isAppErrorData } from '../../../../shared/errors';
import { toConversation, toMessage, type ConversationRow, type MessageRow } from '../rows';
import { exportedAttachments, type BrookAttachment, type ReadAttachmentFile } from './attachmentExport';
import { parentsFirst, type ImportedConversation } from './imported';

export const BROOK_FORMAT = 'brook.history';
export const BROOK_FORMAT_VERSION = 1;

/** One conversation, lossless: the whole tree, not only the visible branch. */
export interface BrookConversation extends Conversation {
  currentLeafId: string | null;
  sourceId: string | null;
  messages: (Omit<Message, 'attachments'> & { sourceId: string | null; attachments?: BrookAttachment[] })[];
}

export interface BrookExport {
  format: typeof BROOK_FORMAT;
  version: number;
  exportedAt: number;
  conversations: BrookConversation[];
  assistants?: Assistant[];
}

/** Reads one conversation with every message, parents before children. */
export function readConversation(db: Database.Database, id: string): BrookConversation | null {
  const row = db.prepare('SELECT * FROM conversations WHERE id = ? AND deleted_at IS NULL').get(id) as ConversationRow | undefined;
  if (!row) return null;
  const rows = db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid').all(id) as MessageRow[];
  const messages = rows.map((r) => {
    // A row never carries attachments; readConversationWithFiles adds them whole.
    const { attachments: _none, ...message } = toMessage(r);
    return { ...message, sourceId: r.source_id ?? null };
  });
  const byId = new Map(messages.map((m) => [m.id, m]));
  const ordered = parentsFirst(messages.map((m) => ({ ...m, key: m.id, parentKey: m.parentId }))).map((m) => byId.get(m.key)!);
  return { ...toConversation(row), currentLeafId: row.current_leaf_id, sourceId: row.source_id, messages: ordered };
}

/** The conversation as readConversation reads it, each message carrying its attachments whole (bytes as base64). */
export async function readConversationWithFiles(db: Database.Database, id: string, readFile: ReadAttachmentFile): Promise<BrookConversation | null> {
  const conversation = readConversation(db, id);
  if (!conversation) return null;
  const files = await exportedAttachments(db, conversation.messages.map((m) => m.id), readFile);
  if (files.size === 0) return conversation;
  return { ...conversation, messages: conversation.messages.map((m) => (files.has(m.id) ? { ...m, attachments: files.get(m.id)! } : m)) };
}

export function conversationIds(db: Database.Database): string[] {
  return (db.prepare('SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, rowid').all() as { id: string }[]).map(
    (r) => r.id,
  );
}

export function brookExport(conversations: BrookConversation[], exportedAt: number, assistants?: Assistant[]): BrookExport {
  return { format: BROOK_FORMAT, version: BROOK_FORMAT_VERSION, exportedAt, conversations, ...(assistants ? { assistants } : {}) };
}

const usage = z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() });
const context = z.object({ sent: z.number(), total: z.number(), estimatedTokens: z.number(), contextWindow: z.number() });
const nullableCount = z.number().int().min(0).nullable().default(null);
const attachment = z.object({
  id: z.string().min(1).max(200).optional(),
  name: z.string().min(1).max(255),
  mime: z.string().min(1).max(200),
  size: z.number().int().min(0).max(ATTACHMENT_MAX_FILE_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(['image', 'document']),
  width: nullableCount,
  height: nullableCount,
  createdAt: z.number(),
  extraction: z.object({
    state: z.enum(['pending', 'running', 'done', 'no-text', 'failed']),
    pages: nullableCount,
    chars: nullableCount,
    totalChars: nullableCount,
  }),
  text: z.string().nullable().default(null),
  data: z.string().max(Math.ceil(ATTACHMENT_MAX_FILE_BYTES / 3) * 4),
});
const message = z.object({
  id: z.string().min(1).max(200),
  parentId: z.string().nullable(),
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string(),
  reasoning: z.string().default(''),
  status: z.enum(['done', 'streaming', 'stopped', 'error', 'interrupted']).default('done'),
  error: z.unknown().optional(),
  providerId: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  usage: usage.nullable().optional(),
  context: context.nullable().optional(),
  finishReason: z.string().nullable().optional(),
  reasoningMs: z.number().nullable().optional(),
  createdAt: z.number(),
  updatedAt: z.number().optional(),
  sourceId: z.string().nullable().optional(),
  attachments: z.array(attachment).max(ATTACHMENT_MAX_PER_MESSAGE).optional(),
  // Steps a newer or damaged build wrote that this one cannot read are left out, as history reads them (rows.ts).
  toolSteps: z.array(toolStepSchema).nullable().optional().catch(null),
});
const conversation = z.object({
  id: z.string().min(1).max(200),
  title: z.string(),
  origin: z.enum(['chat', 'quick']).default('chat'),
  params: conversationParamsSchema.catch({}).default({}),
  providerId: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  pinned: z.boolean().default(false),
  archived: z.boolean().default(false),
  createdAt: z.number(),
  updatedAt: z.number(),
  currentLeafId: z.string().nullable().default(null),
  sourceId: z.string().nullable().optional(),
  messages: z.array(message),
});
const assistant = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(100),
  params: conversationParamsSchema.catch({}),
  createdAt: z.number(),
  updatedAt: z.number(),
});
const brookFile = z.object({
  format: z.literal(BROOK_FORMAT),
  version: z.number().int().min(1).max(BROOK_FORMAT_VERSION),
  conversations: z.array(conversation),
  assistants: z.array(assistant).optional(),
});

export function isBrookExport(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === BROOK_FORMAT;
}

export function readBrookExport(value: unknown): { conversations: ImportedConversation[]; assistants: Assistant[] } {
  const file = brookFile.parse(value);
  return { conversations: file.conversations.map(toImported), assistants: file.assistants ?? [] };
}

/** The file's header (format and version), checked before any of its conversations is read (streamed import). */
export function checkBrookHeader(format: unknown, version: unknown): void {
  brookFile.pick({ format: true, version: true }).parse({ format, version });
}

/** One conversation of a Brook file, read on its own (streamed import). */
export function readBrookConversation(value: unknown): ImportedConversation {
  return toImported(conversation.parse(value));
}

export function readBrookAssistant(value: unknown): Assistant {
  return assistant.parse(value);
}

function toImported(c: z.output<typeof conversation>): ImportedConversation {
  return {
    id: c.id,
    sourceId: c.sourceId ?? null,
    title: c.title.slice(0, 200),
    origin: c.origin,
    params: c.params,
    providerId: c.providerId ?? null,
    model: c.model ?? null,
    pinned: c.pinned,
    archived: c.archived,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    currentLeafKey: c.currentLeafId,
    messages: parentsFirst(
      c.messages.map((m) => ({
        key: m.id,
        parentKey: m.parentId,
        id: m.id,
        sourceId: m.sourceId ?? null,
        ...(m.attachments?.length ? { attachments: m.attachments } : {}),
        ...(m.toolSteps?.length ? { toolSteps: m.toolSteps } : {}),
        role: m.role,
        content: m.content,
        reasoning: m.reasoning,
        // Nothing streams into an imported row.
        status: m.status === 'streaming' ? 'interrupted' : m.status,
        error: isAppErrorData(m.error) ? m.error : null,
        providerId: m.providerId ?? null,
        model: m.model ?? null,
        usage: m.usage ?? null,
        context: m.context ?? null,
        finishReason: m.finishReason ?? null,
        reasoningMs: m.reasoningMs ?? null,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt ?? m.createdAt,
      })),
    ),
  };
}
