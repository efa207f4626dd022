/**
 * A model's thinking that must go back to it with a round of tool calls, in the one shape its
 * family wants (protocols.md §1.5, §2.5, §3.3). Captured by the provider from the stream, carried
 * in the tool round (`TurnToolRound.thinking`) and stored on the round's first tool step, so a
 * later request — the next round, a continued or regenerated turn — sends it back unchanged.
 *
 * - `anthropic`: the `thinking` (with its `signature`) and `redacted_thinking` blocks, in order;
 *   they precede the text and `tool_use` blocks of the assistant turn sent back.
 * - `gemini`: the `thoughtSignature` of each `functionCall` part (by call id) and of the text.
 * - `openai`: the reasoning text of the message that made the calls, sent back in the field it
 *   came in (DeepSeek's `reasoning_content` must be, or the next request fails).
 *
 * Signatures are bound to the model that made them: `model` says which, and another model is
 * sent none.
 */
export type AnthropicThinkingBlock = { type: 'thinking'; thinking: string; signature: string } | { type: 'redacted_thinking'; data: string };

export type RoundThinking =
  | { family: 'anthropic'; model: string; blocks: AnthropicThinkingBlock[] }
  | { family: 'gemini'; model: string; textSignature: string | null; callSignatures: Record<string, string> }
  | { family: 'openai'; field: 'reasoning_content' | 'reasoning'; text: string };
