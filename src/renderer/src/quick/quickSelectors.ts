import type { Message } from '../../../shared/domain';
import { activeList } from '../state/paneSelectors';
import type { AppState } from '../state/store';

/**
 * What the quick-ask window's parts subscribe to besides the pane's selectors. The answer is a
 * new object with every streamed delta, so the parts around it select plain values it changes
 * rarely, and read the answer itself only when the reader acts (issue #12.4).
 */

/** The last answer of the quick ask shown, streaming or not. */
export function lastAnswer(s: AppState): Message | undefined {
  return activeList(s)?.findLast((m) => m.role === 'assistant');
}

/** There is answer text to copy: false until the first text arrives, then true for every delta after it. */
export function canCopyAnswer(s: AppState): boolean {
  const answer = lastAnswer(s);
  return answer !== undefined && answer.content !== '';
}
