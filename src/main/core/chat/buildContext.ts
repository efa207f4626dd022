import type { Message } from '../../../shared/domain';
import type { ToolStep } from '../../../shared/toolCalls';
import type { TurnToolRound } from '../base';
import type { ChatTurnMessage } from '../providers';

/** What the context needs of a message. */
export type ContextSource = Pick<Message, 'role' | 'status' | 'content' | 'toolSteps'>;

/** Whether a message is one of the turns a context sends (`ContextRows.turnsFrom` counts by the same rule). */
export function sentInContext(m: ContextSource): boolean {
  return !(m.role === 'assistant' && (m.status === 'error' || m.status === 'streaming' || m.content === ''));
}

/**
 * The messages sent to the model for the visible branch. Failed and empty answers are left
 * out (they would confuse the model); stopped or interrupted ones are kept, because the user
 * saw them and may refer to them.
 */
export function buildContext(path: readonly ContextSource[]): ChatTurnMessage[] {
  const out: ChatTurnMessage[] = [];
  for (const m of path) {
    if (!sentInContext(m)) continue;
    out.push(m.role === 'assistant' && m.toolSteps?.length ? withToolRounds(m.content, m.toolSteps) : { role: m.role, content: m.content });
  }
  return out;
}

/**
 * An answer that called tools, as the model wrote it: each round's text (the answer text up to
 * the round's `contentOffset`) and calls with what they sent back, then the rest of the text.
 * Calls that were never made (the rounds ran out) are left out: a call without a result is
 * refused by every protocol.
 */
function withToolRounds(content: string, steps: readonly ToolStep[]): ChatTurnMessage {
  const rounds: TurnToolRound[] = [];
  let from = 0;
  for (const round of [...new Set(steps.map((s) => s.round))].sort((a, b) => a - b)) {
    const calls = steps.filter((s) => s.round === round && s.status !== 'skipped');
    if (calls.length === 0) continue;
    const offset = Math.min(content.length, Math.max(from, calls[0]!.contentOffset));
    const thinking = steps.find((s) => s.round === round && s.thinking)?.thinking;
    rounds.push({
      ...(thinking ? { thinking } : {}),
      text: content.slice(from, offset).trim(),
      calls: calls.map((s) => ({ id: s.callId, name: s.callName, arguments: s.arguments, result: s.sentToModel || 'The call did not finish.', isError: s.isError || s.sentToModel === '' })),
    });
    from = offset;
  }
  return { role: 'assistant', content: content.slice(from).trim(), toolRounds: rounds };
}

/** A title from the first words, until a model-written one exists. */
export function titleFromText(text: string, maxChars = 48): string {
  const firstLine = text.trim().split(/\r?\n/, 1)[0] ?? '';
  const collapsed = firstLine.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  return chars.length <= maxChars ? collapsed : `${chars.slice(0, maxChars - 1).join('')}…`;
}
