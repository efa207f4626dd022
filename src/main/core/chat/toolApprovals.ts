import { AppError } from '../../../shared/errors';
import type { ToolApprovalDecision } from '../../../shared/toolCalls';

/**
 * Steps waiting for the user, by conversation and step id: the tool loop waits here, the
 * `toolCalls.approve` request answers. A Stop rejects the wait with the AbortError.
 */
export class ToolApprovals {
  private readonly waiting = new Map<string, (decision: ToolApprovalDecision) => void>();

  wait(conversationId: string, stepId: string, signal: AbortSignal): Promise<ToolApprovalDecision> {
    const key = keyOf(conversationId, stepId);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(key);
        reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.set(key, (decision) => {
        signal.removeEventListener('abort', onAbort);
        this.waiting.delete(key);
        resolve(decision);
      });
    });
  }

  /** Throws not_found when the step is not waiting (already answered, stopped, or never asked). */
  decide(conversationId: string, stepId: string, decision: ToolApprovalDecision): void {
    const resolve = this.waiting.get(keyOf(conversationId, stepId));
    if (!resolve) throw new AppError('not_found', { messageKey: 'toolCalls.errors.notWaiting', retryable: false, detail: `step ${stepId}` });
    resolve(decision);
  }
}

function keyOf(conversationId: string, stepId: string): string {
  return `${conversationId}\u0000${stepId}`;
}
