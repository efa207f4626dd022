import { createRequire } from 'node:module';
import type { RoundThinking } from '../../../shared/roundThinking';

type CountTokens = (text: string) => number;
let countTokensFn: CountTokens | null = null;

/**
 * The o200k tables take ~0.3-0.5 s to load, most of the core's start-up work: they are loaded on
 * the first count (or by warmTokenizer once the window is up), not when the core starts.
 */
function countTokens(text: string): number {
  if (!countTokensFn) {
    const load = createRequire(import.meta.url);
    countTokensFn = (load('gpt-tokenizer/encoding/o200k_base') as { countTokens: CountTokens }).countTokens;
  }
  return countTokensFn(text);
}

/** Loads the tokenizer ahead of the first message, after `delayMs` of quiet start-up. */
export function warmTokenizer(delayMs: number): void {
  setTimeout(() => countTokens(''), delayMs).unref();
}

/** One message of a conversation as a model reads it; providers send these (ProviderRequest.messages). */
export interface ChatTurnMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /**
   * User turns: images attached to the message, already downscaled to the provider's limits
   * (attachments/). Providers send them as their protocol's image part; a provider that cannot
   * see images must refuse before sending (never drop them silently).
   */
  images?: TurnImage[];
  /** What the turn's images will cost in the window (chat/imageTokens), counted by fitContext before they are attached. */
  imageTokens?: number;
  /**
   * Assistant turns: the tool rounds that came before this turn's `content`, oldest first. Each
   * provider expands them into its own messages (OpenAI `tool_calls` + `tool` messages,
   * Anthropic `tool_use` + `tool_result` blocks, Gemini `functionCall` + `functionResponse`).
   */
  toolRounds?: TurnToolRound[];
}

export interface TurnImage {
  name: string;
  mimeType: string;
  /** base64, no data: prefix */
  data: string;
}

export interface TurnToolCall {
  /** The provider's call id (synthesised where a protocol has none, e.g. Gemini). */
  id: string;
  /** The name the model was offered (providers' tool names are `[a-zA-Z0-9_-]{1,64}`). */
  name: string;
  /** The arguments as a JSON object text, as the model sent them. */
  arguments: string;
  /** What goes back to the model: the capped result text, or why the call was denied or failed. */
  result: string;
  isError: boolean;
}

export interface TurnToolRound {
  /** Text the model wrote before calling the tools in this round. */
  text: string;
  calls: TurnToolCall[];
  /** What the model thought before the calls, sent back in its family's shape (shared/roundThinking). */
  thinking?: RoundThinking;
}

/** Role markers and separators each message costs beyond its text (OpenAI's published rule of thumb). */
const PER_MESSAGE_OVERHEAD = 4;

/**
 * BPE cost grows faster than linearly with the length of an unbroken run (a paste of Chinese
 * without punctuation, a base64 blob): 8,000 such characters took a second, a megabyte would
 * take half an hour. Counting in slices keeps it linear; a cut can split one token in two,
 * so the estimate errs slightly high, which is the safe side for a budget.
 */
const SLICE = 256;

export interface ContextPlan {
  /** Sent apart from the messages: each protocol puts it where it belongs. */
  system: string | null;
  messages: ChatTurnMessage[];
  /** How many of the conversation's messages were sent (the system prompt not counted). */
  sent: number;
  total: number;
  estimatedTokens: number;
}

export interface ContextLimits {
  contextWindow: number;
  /** Tokens kept free for the answer. */
  reserveForOutput: number;
}

/**
 * An estimate of how many tokens a text costs. Providers tokenize differently; o200k is close
 * enough for budgeting, and the provider's reported usage replaces it once an answer comes back.
 */
export function estimateTokens(text: string): number {
  let tokens = PER_MESSAGE_OVERHEAD;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + SLICE, text.length);
    // Never cut a surrogate pair (an emoji, a rare CJK character) in half.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end++;
    tokens += countTokens(text.slice(start, end));
    start = end;
  }
  return tokens;
}

/**
 * What a turn's text costs: its content and its tool rounds (the text before each round, each
 * call's name and arguments and the result sent back), which the model reads as much as the text.
 */
export function textTokens(turn: ChatTurnMessage, count: (text: string) => number = estimateTokens): number {
  let tokens = count(turn.content);
  for (const round of turn.toolRounds ?? []) {
    if (round.text !== '') tokens += count(round.text);
    for (const call of round.calls) tokens += count(`${call.name}(${call.arguments})`) + count(call.result);
  }
  return tokens;
}

/**
 * Trims the oldest turns until the conversation fits the model's window, always keeping the
 * system prompt and the newest user message. Returns null when even those two do not fit.
 */
export function fitContext(
  system: string | null,
  history: readonly ChatTurnMessage[],
  limits: ContextLimits,
  count: (text: string) => number = estimateTokens,
  /** A turn's text cost counted before (stored per message), so it is not counted again. */
  known: (turn: ChatTurnMessage) => number | undefined = () => undefined,
): ContextPlan | null {
  const budget = limits.contextWindow - limits.reserveForOutput;
  const newest = history.at(-1);
  if (!newest) return { system, messages: [], sent: 0, total: 0, estimatedTokens: 0 };
  // Stored counts are of the text only; images are priced per family on each turn.
  const images = (turn: ChatTurnMessage) => turn.imageTokens ?? 0;
  let used = (system ? count(system) : 0) + textTokens(newest, count) + images(newest);
  if (used > budget) return null;
  const kept: ChatTurnMessage[] = [newest];
  for (let i = history.length - 2; i >= 0; i--) {
    const cost = (known(history[i]!) ?? textTokens(history[i]!, count)) + images(history[i]!);
    if (used + cost > budget) break;
    used += cost;
    kept.push(history[i]!);
  }
  kept.reverse();
  // A conversation sent to a model should open with the user, not a dangling answer.
  while (kept.length > 1 && kept[0]!.role === 'assistant') {
    kept.shift();
  }
  return {
    system,
    messages: kept,
    sent: kept.length,
    total: history.length,
    estimatedTokens: used,
  };
}

export function outputReserve(contextWindow: number, maxOutputTokens: number | null): number {
  return maxOutputTokens ?? Math.min(4096, Math.floor(contextWindow / 4));
}
