/**
 * Tool calling in Gemini (protocols.md §3): `tools: [{functionDeclarations}]`; a call is a whole
 * `functionCall` part (no pieces, and no id on older models, so one is made up); results go back
 * as `functionResponse` parts in a user turn, matched by name and order.
 */
import type { ChatTurnMessage } from '../base';
import { isRecord } from '../net';
import { geminiParts } from './imageParts';
import type { OfferedTool, ProviderEvent } from './provider';
import { parseToolArguments } from './toolSupport';

type Part = Record<string, unknown>;
export interface GeminiContent {
  role: 'user' | 'model';
  parts: Part[];
}

/**
 * `parametersJsonSchema`, not `parameters`: MCP servers write full JSON Schema (`$schema`,
 * `additionalProperties`), which the OpenAPI-subset `parameters` field rejects.
 */
export function geminiToolsField(tools: readonly OfferedTool[]): Record<string, unknown> {
  return { functionDeclarations: tools.map((t) => ({ name: t.name, description: t.description, parametersJsonSchema: t.parameters })) };
}

/** The turns as contents with tool rounds expanded; same-role neighbours merge, none opens with the model. */
export function geminiToolContents(messages: readonly ChatTurnMessage[]): GeminiContent[] {
  const out: GeminiContent[] = [];
  const add = (role: 'user' | 'model', parts: Part[]) => {
    if (parts.length === 0 || (out.length === 0 && role === 'model')) return;
    const last = out.at(-1);
    if (last && last.role === role) last.parts.push(...parts);
    else out.push({ role, parts });
  };
  for (const m of messages) {
    if (m.role === 'system') continue;
    for (const round of m.toolRounds ?? []) {
      add('model', [
        ...(round.text.trim() === '' ? [] : [{ text: round.text }]),
        ...round.calls.map((c) => ({ functionCall: { name: c.name, args: parseToolArguments(c.arguments) ?? {} } })),
      ]);
      add(
        'user',
        round.calls.map((c) => ({ functionResponse: { name: c.name, response: c.isError ? { error: c.result } : { result: c.result } } })),
      );
    }
    if (m.images?.length) add('user', geminiParts(m.content, m.images));
    else if (m.content.trim() !== '') add(m.role === 'assistant' ? 'model' : 'user', [{ text: m.content }]);
  }
  return out;
}

/** Turns `functionCall` parts into calls, numbering the ones without an id. */
export class GeminiFunctionCalls {
  private count = 0;

  get any(): boolean {
    return this.count > 0;
  }

  *fromPart(part: Record<string, unknown>): Generator<ProviderEvent> {
    const fc = part.functionCall;
    if (!isRecord(fc) || typeof fc.name !== 'string') return;
    this.count++;
    const id = typeof fc.id === 'string' && fc.id !== '' ? fc.id : `gemini-call-${this.count}`;
    yield { type: 'tool.call', call: { id, name: fc.name, arguments: JSON.stringify(isRecord(fc.args) ? fc.args : {}) } };
  }
}
