import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { ChatTurnMessage, OfferedTool } from '../../providers';
import { badRequest, offeredTools, toolCallSchema, toolChoiceSchema, ToolRoundFolder, toolsSchema } from './clientTools';

const textPart = z.object({ type: z.literal('text'), text: z.string() });
/** Images come inline as data URLs (the body limit bounds their size); Brook fetches no URLs for a client. */
const DATA_URL = /^data:(image\/(?:png|jpeg|webp|gif));base64,([A-Za-z0-9+/]+={0,2})$/;
const imagePart = z.object({
  type: z.literal('image_url'),
  image_url: z.object({ url: z.string().regex(DATA_URL, 'only data: URLs of PNG, JPEG, WebP or GIF images'), detail: z.string().optional() }),
});

const messageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string().max(MAX_MESSAGE_CHARS), z.array(z.union([textPart, imagePart])), z.null()]).optional(),
  /** Assistant messages: the client's tools the model called. */
  tool_calls: z.array(toolCallSchema).max(128).nullable().optional(),
  /** Tool messages: which call this result answers. */
  tool_call_id: z.string().min(1).max(200).optional(),
});

/** The subset of OpenAI's Chat Completions request Brook honours; unknown fields are ignored. */
export const completionRequestSchema = z.object({
  model: z.string().min(1).max(400),
  messages: z.array(messageSchema).min(1).max(10_000),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().nullable().optional() }).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  max_tokens: z.number().int().min(1).max(1_000_000).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).max(1_000_000).nullable().optional(),
  n: z.literal(1).nullable().optional(),
  tools: toolsSchema.nullable().optional(),
  tool_choice: toolChoiceSchema.nullable().optional(),
});
export type CompletionRequest = z.infer<typeof completionRequestSchema>;

export interface CompletionTurn {
  /** System and developer messages, joined: each protocol puts the system prompt where it belongs. */
  system: string | null;
  /**
   * The conversation, ending with the user's newest message, or with an assistant turn of
   * tool rounds only (the client sent its tools' results and the model goes on).
   */
  turns: ChatTurnMessage[];
  /** The client's own tools, offered as given; Brook never runs them. */
  tools?: OfferedTool[];
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
}

export function parseCompletionRequest(body: unknown): CompletionRequest {
  const parsed = completionRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false, detail: `${where}: ${issue?.message ?? 'invalid'}` });
  }
  return parsed.data;
}

export function toTurn(request: CompletionRequest): CompletionTurn {
  const system: string[] = [];
  const turns: ChatTurnMessage[] = [];
  const rounds = new ToolRoundFolder();
  request.messages.forEach((m, at) => {
    const parts = typeof m.content === 'string' ? [{ type: 'text' as const, text: m.content }] : (m.content ?? []);
    const content = parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
    const images = parts.flatMap((p, i) => {
      const match = p.type === 'image_url' ? DATA_URL.exec(p.image_url.url) : null;
      return match ? [{ name: `image-${i + 1}`, mimeType: match[1]!, data: match[2]! }] : [];
    });
    if (images.length > 0 && m.role !== 'user') throw badRequest('messages: images go in user messages');
    if (m.role === 'tool') {
      if (m.tool_call_id === undefined) throw badRequest(`messages.${at}.tool_call_id: required in a "tool" message`);
      return rounds.answer(m.tool_call_id, content, at);
    }
    if (m.role === 'system' || m.role === 'developer') return void system.push(content);
    if (m.role === 'assistant' && m.tool_calls && m.tool_calls.length > 0) return rounds.openRound(content, m.tool_calls, at);
    // The rounds belong to this assistant turn (before its text), or to one that ended on a tool result.
    if (m.role === 'assistant') return void turns.push({ role: 'assistant', content, ...(rounds.pending ? { toolRounds: rounds.take(at) } : {}) });
    if (rounds.pending) turns.push({ role: 'assistant', content: '', toolRounds: rounds.take(at) });
    turns.push({ role: 'user', content, ...(images.length > 0 ? { images } : {}) });
  });
  if (rounds.pending) turns.push({ role: 'assistant', content: '', toolRounds: rounds.take(request.messages.length) });
  const last = turns.at(-1);
  if (last?.role !== 'user' && !(last?.toolRounds && last.content === '')) {
    throw badRequest('messages: the last message must be from the user, or a "tool" result');
  }
  const tools = offeredTools(request.tools);
  // Anthropic refuses tool blocks without their tools, and kinds without tool calling would drop them unsaid.
  if (!tools && turns.some((t) => t.toolRounds)) throw badRequest('tools: the messages carry tool calls, so offer the tools too');
  return {
    system: system.length > 0 ? system.join('\n\n') : null,
    turns,
    tools,
    temperature: request.temperature ?? undefined,
    topP: request.top_p ?? undefined,
    maxOutputTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
  };
}
