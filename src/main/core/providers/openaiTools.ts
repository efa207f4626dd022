/**
 * Tool calling in OpenAI Chat Completions (protocols.md §1): `tools` of type `function`, calls
 * streamed as `delta.tool_calls` pieces merged by `index` (every field but `index` optional,
 * `function.arguments` in pieces), results sent back as `tool` messages after the assistant
 * message that carried the calls. Qianfan v2 and Spark HTTP speak the same shape; Spark HTTP may
 * send `tool_calls` as one object instead of an array.
 */
import { isRecord } from '../net';
import type { ChatTurnMessage } from '../base';
import { openAiContent } from './imageParts';
import type { OfferedTool, ProviderEvent } from './provider';

export type OpenAIWireMessage = Record<string, unknown> & { role: string };

export function openAIToolsField(tools: readonly OfferedTool[]): unknown[] {
  return tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
}

/**
 * The messages in OpenAI's form: an assistant turn with tool rounds becomes, per round, an
 * assistant message with `tool_calls` and one `tool` message per call, then its final text.
 */
export function openAIMessages(messages: readonly ChatTurnMessage[]): OpenAIWireMessage[] {
  const out: OpenAIWireMessage[] = [];
  for (const m of messages) {
    for (const round of m.toolRounds ?? []) {
      out.push({
        role: 'assistant',
        // null, not '': some servers reject an empty string beside tool_calls.
        content: round.text === '' ? null : round.text,
        // The reasoning that led to the calls, in the field the server sent it in (DeepSeek requires it).
        ...(round.thinking?.family === 'openai' ? { [round.thinking.field]: round.thinking.text } : {}),
        tool_calls: round.calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
      });
      for (const c of round.calls) out.push({ role: 'tool', tool_call_id: c.id, content: c.result });
    }
    if (m.toolRounds?.length && m.content === '') continue;
    out.push({ role: m.role, content: m.role === 'user' ? openAiContent(m.content, m.images) : m.content });
  }
  return out;
}

interface PartialCall {
  id: string;
  name: string;
  arguments: string;
}

/** Merges streamed `tool_calls` deltas by index; the calls come out whole, in index order, at the end. */
export class OpenAIToolCalls {
  private readonly calls = new Map<number, PartialCall>();

  get any(): boolean {
    return this.calls.size > 0;
  }

  push(delta: Record<string, unknown>): void {
    const raw = delta.tool_calls;
    const pieces: unknown[] = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : [];
    for (const piece of pieces) {
      if (!isRecord(piece)) continue;
      const index = typeof piece.index === 'number' ? piece.index : this.calls.size === 0 ? 0 : Math.max(...this.calls.keys());
      const call = this.calls.get(index) ?? { id: '', name: '', arguments: '' };
      if (typeof piece.id === 'string' && piece.id !== '') call.id = piece.id;
      const fn = isRecord(piece.function) ? piece.function : {};
      // Names arrive whole in practice, but nothing forbids pieces; arguments always may be.
      if (typeof fn.name === 'string') call.name += fn.name;
      if (typeof fn.arguments === 'string') call.arguments += fn.arguments;
      // Some servers send the arguments as an object rather than text.
      else if (isRecord(fn.arguments)) call.arguments += JSON.stringify(fn.arguments);
      this.calls.set(index, call);
    }
  }

  *flush(): Generator<ProviderEvent> {
    const ordered = [...this.calls.entries()].sort((a, b) => a[0] - b[0]);
    this.calls.clear();
    for (const [index, call] of ordered) {
      if (call.name === '') continue;
      yield { type: 'tool.call', call: { id: call.id || `call_${index}`, name: call.name, arguments: call.arguments } };
    }
  }
}
