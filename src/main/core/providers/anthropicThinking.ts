/**
 * Anthropic extended thinking with tools (protocols.md §2.5): the `thinking` blocks (text from
 * `thinking_delta`, the `signature` from `signature_delta` just before the block's stop) and the
 * opaque `redacted_thinking` blocks are collected as they stream, so the assistant turn sent back
 * with the tool results can start with them unchanged — the API refuses a tool round without them.
 */
import type { AnthropicThinkingBlock, RoundThinking } from '../../../shared/roundThinking';

export class AnthropicThinkingBlocks {
  private readonly blocks = new Map<number, AnthropicThinkingBlock>();

  blockStart(index: number, block: Record<string, unknown>): void {
    if (block.type === 'thinking') {
      this.blocks.set(index, { type: 'thinking', thinking: stringOr(block.thinking), signature: stringOr(block.signature) });
    } else if (block.type === 'redacted_thinking' && typeof block.data === 'string') {
      this.blocks.set(index, { type: 'redacted_thinking', data: block.data });
    }
  }

  blockDelta(index: number, delta: Record<string, unknown>): void {
    const block = this.blocks.get(index);
    if (block?.type !== 'thinking') return;
    if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string') block.thinking += delta.thinking;
    if (delta.type === 'signature_delta' && typeof delta.signature === 'string') block.signature += delta.signature;
  }

  /** The blocks in content order, for a turn that made tool calls; none when the model did not think. */
  forRound(model: string): RoundThinking | undefined {
    // A thinking block without its signature cannot be sent back (the API checks it).
    const blocks = [...this.blocks.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, block]) => block)
      .filter((b) => b.type === 'redacted_thinking' || b.signature !== '');
    return blocks.length > 0 ? { family: 'anthropic', model, blocks } : undefined;
  }
}

/** The blocks that open the assistant turn of a round, when they came from this model and thinking is on. */
export function thinkingBlocksFor(thinking: RoundThinking | undefined, model: string, thinkingOn: boolean): Record<string, unknown>[] {
  if (!thinkingOn || thinking?.family !== 'anthropic' || thinking.model !== model) return [];
  return thinking.blocks.map((b) => ({ ...b }));
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
