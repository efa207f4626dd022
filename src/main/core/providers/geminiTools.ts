/**
 * Tool calling in Gemini (protocols.md §3): `tools: [{functionDeclarations}]`; a call is a whole
 * `functionCall` part (no pieces, and no id on older models, so one is made up); results go back
 * as `functionResponse` parts in a user turn, matched by name and order.
 */
import type { RoundThinking } from '../../../shared/roundThinking';
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

/**
 * The turns as contents with tool rounds expanded; same-role neighbours merge, none opens with the
 * model. A round's `thoughtSignature`s (from this model) go back on the parts they came on: the
 * API refuses a function call of the current turn without its signature.
 */
export function geminiToolContents(messages: readonly ChatTurnMessage[], model: string): GeminiContent[] {
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
      const signatures = round.thinking?.family === 'gemini' && round.thinking.model === model ? round.thinking : null;
      const signed = (signature: string | null | undefined) => (signature ? { thoughtSignature: signature } : {});
      add('model', [
        ...(round.text.trim() === '' ? [] : [{ text: round.text, ...signed(signatures?.textSignature) }]),
        ...round.calls.map((c) => ({ functionCall: { name: c.name, args: parseToolArguments(c.arguments) ?? {} }, ...signed(signatures?.callSignatures[c.id]) })),
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

/** Turns `functionCall` parts into calls, numbering the ones without an id, and keeps the parts' thought signatures. */
export class GeminiFunctionCalls {
  private count = 0;
  private readonly callSignatures: Record<string, string> = {};
  private textSignature: string | null = null;

  get any(): boolean {
    return this.count > 0;
  }

  *fromPart(part: Record<string, unknown>): Generator<ProviderEvent> {
    const fc = part.functionCall;
    if (!isRecord(fc) || typeof fc.name !== 'string') return;
    this.count++;
    const id = typeof fc.id === 'string' && fc.id !== '' ? fc.id : `gemini-call-${this.count}`;
    if (typeof part.thoughtSignature === 'string' && part.thoughtSignature !== '') this.callSignatures[id] = part.thoughtSignature;
    yield { type: 'tool.call', call: { id, name: fc.name, arguments: JSON.stringify(isRecord(fc.args) ? fc.args : {}) } };
  }

  /** A signature on a part that is no call (text, or an empty part closing the thoughts) belongs to the round's text. */
  otherPart(part: Record<string, unknown>): void {
    if (typeof part.thoughtSignature === 'string' && part.thoughtSignature !== '') this.textSignature = part.thoughtSignature;
  }

  /** What goes back with the calls, when the model signed any part. */
  forRound(model: string): RoundThinking | undefined {
    if (!this.any || (this.textSignature === null && Object.keys(this.callSignatures).length === 0)) return undefined;
    return { family: 'gemini', model, textSignature: this.textSignature, callSignatures: { ...this.callSignatures } };
  }
}
