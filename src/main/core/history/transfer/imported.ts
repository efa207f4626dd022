import type { AnswerContext, ConversationOrigin, ConversationParams, MessageRole, MessageStatus, Usage } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import type { ToolStep } from '../../../../shared/toolCalls';
import type { BrookAttachment } from './attachmentExport';

/**
 * A conversation read from an import file, before it is written: every importer produces
 * this, and one writer (./writeImport.ts) stores it. Messages refer to their parent by `key`.
 */
export interface ImportedConversation {
  /** Brook's own export keeps its ids; other sources get new ones. */
  id?: string;
  /** Where it came from (`chatgpt:<id>`), so importing the same file again adds nothing twice. */
  sourceId: string | null;
  title: string;
  origin?: ConversationOrigin;
  params?: ConversationParams;
  providerId?: string | null;
  model?: string | null;
  pinned?: boolean;
  archived?: boolean;
  createdAt: number;
  updatedAt: number;
  /** The message shown (the end of the visible branch), by key. */
  currentLeafKey: string | null;
  /** Parents before children. */
  messages: ImportedMessage[];
}

export interface ImportedMessage {
  /** Unique within the conversation: the source's id for the message. */
  key: string;
  parentKey: string | null;
  /** Brook's own export keeps its ids. */
  id?: string;
  sourceId: string | null;
  /** Files carried whole (a Brook export); stored before the message is written, then linked to it. */
  attachments?: BrookAttachment[];
  /** The answer's tool calls (a Brook export); their image results name the attachments above by their exported ids. */
  toolSteps?: ToolStep[] | null;
  role: MessageRole;
  content: string;
  reasoning?: string;
  status?: MessageStatus;
  error?: AppErrorData | null;
  providerId?: string | null;
  model?: string | null;
  usage?: Usage | null;
  context?: AnswerContext | null;
  finishReason?: string | null;
  reasoningMs?: number | null;
  createdAt: number;
  updatedAt?: number;
}

/** Orders messages so every parent comes before its children (a file may list them in any order). */
export function parentsFirst(messages: readonly ImportedMessage[]): ImportedMessage[] {
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const children = new Map<string | null, ImportedMessage[]>();
  for (const m of messages) {
    const parent = m.parentKey !== null && byKey.has(m.parentKey) ? m.parentKey : null;
    const list = children.get(parent) ?? [];
    list.push(parent === m.parentKey ? m : { ...m, parentKey: null });
    children.set(parent, list);
  }
  const out: ImportedMessage[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const m = stack.pop()!;
    out.push(m);
    const kids = children.get(m.key);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
