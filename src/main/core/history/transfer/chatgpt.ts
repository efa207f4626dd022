import { z } from 'zod';
import type { MessageStatus } from '../../../../shared/domain';
import { IMPORTED_IMAGE_MARKER } from '../../../../shared/importedImage';
import type { BrookAttachment } from './attachmentExport';
import { parentsFirst, type ImportedConversation, type ImportedMessage } from './imported';

/**
 * The image a message part points at (`file-service://file-…`, `sediment://file_…`), already
 * stored from the export's zip; null when the zip did not hold it (the message keeps a marker).
 */
export type ChatGptImageLookup = (assetPointer: string) => BrookAttachment | null;

/**
 * ChatGPT's `conversations.json` (Settings → Data controls → Export): an array of
 * conversations, each a tree of nodes in `mapping` with `current_node` the leaf shown.
 * Only what Brook reads is declared; everything else passes.
 */
const node = z.object({
  id: z.string(),
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
  message: z
    .object({
      id: z.string().optional(),
      author: z.object({ role: z.string() }).loose(),
      create_time: z.number().nullish(),
      update_time: z.number().nullish(),
      content: z
        .object({
          content_type: z.string(),
          parts: z.array(z.unknown()).nullish(),
          text: z.string().nullish(),
          thoughts: z.array(z.object({ summary: z.string().nullish(), content: z.string().nullish() }).loose()).nullish(),
        })
        .loose(),
      status: z.string().nullish(),
      recipient: z.string().nullish(),
      metadata: z.record(z.string(), z.unknown()).nullish(),
    })
    .loose()
    .nullish(),
});

const conversation = z
  .object({
    id: z.string().nullish(),
    conversation_id: z.string().nullish(),
    title: z.string().nullish(),
    create_time: z.number().nullish(),
    update_time: z.number().nullish(),
    mapping: z.record(z.string(), node),
    current_node: z.string().nullish(),
    is_archived: z.boolean().nullish(),
  })
  .loose();

export const chatgptExportSchema = z.array(conversation);
type Node = z.infer<typeof node>;

/** Does this look like ChatGPT's export (rather than Brook's own)? */
export function isChatGptExport(value: unknown): boolean {
  return Array.isArray(value) && (value.length === 0 || (typeof value[0] === 'object' && value[0] !== null && 'mapping' in value[0]));
}

/** `firstIndex`: where `value` starts in the file (a streamed import reads one conversation at a time). */
export function readChatGptExport(value: unknown, firstIndex = 0, images: ChatGptImageLookup | null = null): ImportedConversation[] {
  const parsed = chatgptExportSchema.parse(value);
  return parsed.map((c, index) => {
    const i = firstIndex + index;
    const createdAt = seconds(c.create_time) ?? 0;
    const updatedAt = seconds(c.update_time) ?? createdAt;
    const sourceKey = c.conversation_id ?? c.id ?? `${c.title ?? ''}@${c.create_time ?? i}`;
    const { messages, keptFor } = readTree(c.mapping, createdAt, images);
    const current = c.current_node ? keptFor(c.current_node) : null;
    return {
      sourceId: `chatgpt:${sourceKey}`,
      title: (c.title ?? '').trim().slice(0, 200),
      archived: c.is_archived === true,
      createdAt,
      updatedAt,
      currentLeafKey: current ?? latestLeaf(messages),
      messages,
    };
  });
}

/**
 * Keeps the user's and the model's visible words and the whole tree of alternatives. Nodes
 * that are not conversation (the empty root, system and tool messages, hidden context, tool
 * calls) are left out, their children re-attached to the nearest kept ancestor; the model's
 * "thoughts" become the reasoning of the answer that follows them.
 */
function readTree(mapping: Record<string, Node>, fallbackTime: number, images: ChatGptImageLookup | null) {
  const kept = new Map<string, ImportedMessage>();
  /** For each node: the nearest kept node at or above it (null: none). */
  const nearest = new Map<string, string | null>();
  const roots = Object.values(mapping).filter((n) => !n.parent || !mapping[n.parent]);
  const stack: { id: string; keptParent: string | null; reasoning: string }[] = roots
    .map((n) => ({ id: n.id, keptParent: null, reasoning: '' }))
    .reverse();
  const seen = new Set<string>();
  while (stack.length > 0) {
    const { id, keptParent, reasoning } = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = mapping[id];
    if (!n) continue;
    const read = readMessage(n, fallbackTime, images);
    let parentForChildren = keptParent;
    let pending = reasoning;
    if (read && read.kind === 'thoughts') pending = [pending, read.text].filter(Boolean).join('\n\n');
    else if (read) {
      const message: ImportedMessage = {
        key: n.id,
        parentKey: keptParent,
        sourceId: n.id,
        ...(read.attachments.length > 0 ? { attachments: read.attachments } : {}),
        role: read.role,
        content: read.text,
        reasoning: read.role === 'assistant' ? pending : '',
        status: read.status,
        model: read.model,
        createdAt: read.createdAt,
        updatedAt: read.updatedAt,
      };
      kept.set(n.id, message);
      parentForChildren = n.id;
      if (read.role === 'assistant') pending = '';
    }
    nearest.set(id, parentForChildren);
    const children = (n.children ?? []).filter((c) => mapping[c]?.parent === id || mapping[c]?.parent == null);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ id: children[i]!, keptParent: parentForChildren, reasoning: pending });
  }
  return {
    messages: parentsFirst([...kept.values()]),
    keptFor: (nodeId: string) => nearest.get(nodeId) ?? null,
  };
}

type Read =
  | { kind: 'thoughts'; text: string }
  | {
      kind: 'message';
      role: 'user' | 'assistant';
      text: string;
      attachments: BrookAttachment[];
      status: MessageStatus;
      model: string | null;
      createdAt: number;
      updatedAt: number;
    };

function readMessage(n: Node, fallbackTime: number, images: ChatGptImageLookup | null): Read | null {
  const m = n.message;
  if (!m) return null;
  const meta = m.metadata ?? {};
  if (meta['is_visually_hidden_from_conversation'] === true) return null;
  const role = m.author.role;
  const { content } = m;
  if (role === 'assistant' && content.content_type === 'thoughts') {
    const text = (content.thoughts ?? [])
      .map((t) => [t.summary, t.content].filter((s): s is string => !!s && s.trim() !== '').join('\n'))
      .filter((s) => s !== '')
      .join('\n\n');
    return text ? { kind: 'thoughts', text } : null;
  }
  if (role !== 'user' && role !== 'assistant') return null;
  // Calls to tools (browsing, code) are addressed to the tool, not the user.
  if (m.recipient && m.recipient !== 'all') return null;
  if (content.content_type !== 'text' && content.content_type !== 'multimodal_text') return null;
  const attachments: BrookAttachment[] = [];
  const text = (content.parts ?? [])
    .map((part) => {
      const image = imagePointer(part);
      if (image === null) return partText(part);
      const found = images?.(image) ?? null;
      if (!found) return IMPORTED_IMAGE_MARKER;
      attachments.push(found);
      return '';
    })
    .filter((s) => s !== '')
    .join('\n\n')
    .trim();
  if (text === '' && attachments.length === 0) return null;
  const createdAt = seconds(m.create_time) ?? fallbackTime;
  const slug = meta['model_slug'];
  return {
    kind: 'message',
    role,
    text,
    attachments,
    status: m.status && m.status !== 'finished_successfully' && role === 'assistant' ? 'stopped' : 'done',
    model: role === 'assistant' && typeof slug === 'string' ? slug : null,
    createdAt,
    updatedAt: seconds(m.update_time) ?? createdAt,
  };
}

/** The asset pointer of an image part ('' when it names none); null for any other part. */
function imagePointer(part: unknown): string | null {
  if (typeof part !== 'object' || part === null || (part as { content_type?: unknown }).content_type !== 'image_asset_pointer') return null;
  const pointer = (part as { asset_pointer?: unknown }).asset_pointer;
  return typeof pointer === 'string' ? pointer : '';
}

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (typeof part === 'object' && part !== null) {
    const type = (part as { content_type?: unknown }).content_type;
    if (type === 'audio_transcription') {
      const text = (part as { text?: unknown }).text;
      return typeof text === 'string' ? text : '';
    }
  }
  return '';
}

function seconds(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000) : null;
}

function latestLeaf(messages: readonly ImportedMessage[]): string | null {
  const parents = new Set(messages.map((m) => m.parentKey));
  let best: ImportedMessage | null = null;
  for (const m of messages) if (!parents.has(m.key) && (!best || m.createdAt >= best.createdAt)) best = m;
  return best?.key ?? null;
}
