import type { Message } from '../../../shared/domain';
import type { ChatTurnMessage } from '../providers';

/**
 * The messages sent to the model for the visible branch. Failed and empty answers are left
 * out (they would confuse the model); stopped or interrupted ones are kept, because the user
 * saw them and may refer to them.
 */
export function buildContext(path: readonly Message[]): ChatTurnMessage[] {
  const out: ChatTurnMessage[] = [];
  for (const m of path) {
    if (m.role === 'assistant' && (m.status === 'error' || m.status === 'streaming' || m.content === '')) continue;
    out.push({ role: m.role, content: m.content });
  }
  return out;
}

/** A title from the first words, until a model-written one exists. */
export function titleFromText(text: string, maxChars = 48): string {
  const firstLine = text.trim().split(/\r?\n/, 1)[0] ?? '';
  const collapsed = firstLine.replace(/\s+/g, ' ').trim();
  const chars = Array.from(collapsed);
  return chars.length <= maxChars ? collapsed : `${chars.slice(0, maxChars - 1).join('')}…`;
}
