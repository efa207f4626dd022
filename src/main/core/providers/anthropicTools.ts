/**
 * Tool calling in Anthropic Messages (protocols.md §2): `tools` with `input_schema`; a call is a
 * `tool_use` content block whose input streams as `input_json_delta.partial_json` pieces, whole
 * at `content_block_stop`; results go back as `tool_result` blocks in the next user message.
 */
import type { ChatTurnMessage } from '../base';
import { anthropicContent } from './imageParts';
import type { OfferedTool, ProviderEvent } from './provider';
import { parseToolArguments } from './toolSupport';
import { thinkingBlocksFor } from './anthropicThinking';

type Block = Record<string, unknown>;
export interface AnthropicWireMessage {
  role: 'user' | 'assistant';
  content: string | Block[];
}

export function anthropicToolsField(tools: readonly OfferedTool[]): Block[] {
  return tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.parameters }));
}

/**
 * The turns as content blocks: each tool round is an assistant message of its text and
 * `tool_use` blocks, then a user message of `tool_result` blocks. Consecutive same-role
 * messages merge (the API demands alternation) and nothing may open with the assistant.
 */
export function anthropicToolMessages(messages: readonly ChatTurnMessage[], options: { model: string; thinkingOn: boolean }): AnthropicWireMessage[] {
  const out: { role: 'user' | 'assistant'; content: Block[] }[] = [];
  const add = (role: 'user' | 'assistant', blocks: Block[]) => {
    if (blocks.length === 0 || (out.length === 0 && role === 'assistant')) return;
    const last = out.at(-1);
    if (last && last.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const m of messages) {
    if (m.role === 'system') continue;
    for (const round of m.toolRounds ?? []) {
      add('assistant', [
        // Thinking comes first in the turn, before the text and the calls, exactly as it came.
        ...thinkingBlocksFor(round.thinking, options.model, options.thinkingOn),
        ...(round.text.trim() === '' ? [] : [{ type: 'text', text: round.text }]),
        ...round.calls.map((c) => ({ type: 'tool_use', id: c.id, name: c.name, input: parseToolArguments(c.arguments) ?? {} })),
      ]);
      add(
        'user',
        round.calls.map((c) => ({ type: 'tool_result', tool_use_id: c.id, content: c.result, ...(c.isError ? { is_error: true } : {}) })),
      );
    }
    const content = m.role === 'user' ? anthropicContent(m.content, m.images) : m.content;
    if (typeof content !== 'string') add(m.role, content);
    else if (content.trim() !== '') add(m.role, [{ type: 'text', text: content }]);
  }
  return out;
}

/** Collects `tool_use` blocks by content index while they stream. */
export class AnthropicToolUses {
  private readonly open = new Map<number, { id: string; name: string; json: string }>();
  private count = 0;

  get any(): boolean {
    return this.count > 0;
  }

  blockStart(index: number, block: Record<string, unknown>): void {
    if (block.type !== 'tool_use' || typeof block.name !== 'string') return;
    // The start carries `input: {}`; the real input follows as deltas.
    this.open.set(index, { id: typeof block.id === 'string' ? block.id : `toolu_${index}`, name: block.name, json: '' });
  }

  blockDelta(index: number, delta: Record<string, unknown>): void {
    const call = this.open.get(index);
    if (call && delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') call.json += delta.partial_json;
  }

  *blockStop(index: number): Generator<ProviderEvent> {
    const call = this.open.get(index);
    if (!call) return;
    this.open.delete(index);
    this.count++;
    yield { type: 'tool.call', call: { id: call.id, name: call.name, arguments: call.json.trim() === '' ? '{}' : call.json } };
  }
}
