import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { ChatTurnMessage } from '../../providers';

const textPart = z.object({ type: z.literal('text'), text: z.string() });

const messageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string().max(MAX_MESSAGE_CHARS), z.array(textPart), z.null()]),
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
});
export type CompletionRequest = z.infer<typeof completionRequestSchema>;

export interface CompletionTurn {
  /** System and developer messages, joined: each protocol puts the system prompt where it belongs. */
  system: string | null;
  /** The conversation, ending with the user's newest message. */
  turns: ChatTurnMessage[];
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
  for (const m of request.messages) {
    const content = typeof m.content === 'string' ? m.content : (m.content ?? []).map((p) => p.text).join('');
    if (m.role === 'system' || m.role === 'developer') system.push(content);
    else turns.push({ role: m.role, content });
  }
  if (turns.at(-1)?.role !== 'user') {
    throw new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false, detail: 'messages: the last message must be from the user' });
  }
  return {
    system: system.length > 0 ? system.join('\n\n') : null,
    turns,
    temperature: request.temperature ?? undefined,
    topP: request.top_p ?? undefined,
    maxOutputTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
  };
}
