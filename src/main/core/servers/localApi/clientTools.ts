/**
 * A client's own function tools: offered to the model as given and answered by the client.
 * Brook never runs them and never asks for approval (MCP tools are a window's, not an API
 * client's). Here: their request shape, and the fold of OpenAI's assistant `tool_calls` and
 * `tool` messages into the tool rounds each provider sends in its own wire shape.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { TurnToolCall, TurnToolRound } from '../../base';
import type { OfferedTool } from '../../providers';

/** OpenAI's own limits: 128 tools, names of `[a-zA-Z0-9_-]{1,64}`. */
const MAX_TOOLS = 128;
/** In bytes of JSON: every schema together, so tools cannot crowd out the conversation. */
const MAX_TOOLS_BYTES = 512 * 1024;

export const toolsSchema = z
  .array(
    z.object({
      type: z.literal('function'),
      function: z.object({
        name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'tool names are 1 to 64 letters, digits, _ or -'),
        description: z.string().max(8192).nullable().optional(),
        parameters: z.record(z.string(), z.unknown()).nullable().optional(),
        strict: z.boolean().nullable().optional(),
      }),
    }),
  )
  .max(MAX_TOOLS);

export const toolCallSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.literal('function'),
  function: z.object({ name: z.string().min(1).max(64), arguments: z.string() }),
});

/** Only the default is honoured: the providers' request carries no tool_choice yet. */
export const toolChoiceSchema = z.literal('auto', { message: 'only "auto" is supported (leave it out for the same)' });

export function offeredTools(tools: z.infer<typeof toolsSchema> | null | undefined): OfferedTool[] | undefined {
  if (!tools || tools.length === 0) return undefined;
  if (Buffer.byteLength(JSON.stringify(tools)) > MAX_TOOLS_BYTES) throw badRequest(`tools: over ${MAX_TOOLS_BYTES} bytes of JSON`);
  const names = new Set<string>();
  return tools.map(({ function: f }) => {
    if (names.has(f.name)) throw badRequest(`tools: "${f.name}" is offered twice`);
    names.add(f.name);
    return { name: f.name, description: f.description ?? '', parameters: f.parameters ?? { type: 'object', properties: {} } };
  });
}

/**
 * Collects the rounds of one assistant turn: an assistant message with `tool_calls` opens a
 * round, the `tool` messages after it answer its calls by id.
 */
export class ToolRoundFolder {
  private rounds: TurnToolRound[] = [];
  private open = new Map<string, TurnToolCall>();

  get pending(): boolean {
    return this.rounds.length > 0;
  }

  openRound(text: string, calls: z.infer<typeof toolCallSchema>[], at: number): void {
    this.requireAnswered(at);
    const round: TurnToolRound = { text, calls: calls.map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments, result: '', isError: false })) };
    for (const call of round.calls) this.open.set(call.id, call);
    this.rounds.push(round);
  }

  answer(toolCallId: string, result: string, at: number): void {
    const call = this.open.get(toolCallId);
    if (!call) throw badRequest(`messages.${at}.tool_call_id: "${toolCallId}" answers no tool call of the assistant message before it`);
    call.result = result;
    this.open.delete(toolCallId);
  }

  /** The rounds so far, for the assistant turn they belong to; the folder starts afresh. */
  take(at: number): TurnToolRound[] {
    this.requireAnswered(at);
    const rounds = this.rounds;
    this.rounds = [];
    return rounds;
  }

  requireAnswered(at: number): void {
    const missing = [...this.open.keys()];
    if (missing.length > 0) throw badRequest(`messages.${at}: the tool calls ${missing.map((id) => `"${id}"`).join(', ')} need a "tool" message each before this one`);
  }
}

export function badRequest(detail: string): AppError {
  return new AppError('bad_request', { messageKey: 'errors.invalidArgs', retryable: false, detail });
}
