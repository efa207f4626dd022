import type { ConversationParams, ReasoningEffort } from '../../../shared/domain';
import { REASONING_EFFORTS, type ReasoningControl, THINKING_BUDGET_RANGE } from '../../../shared/modelCatalog';

/** The reasoning input's text: a budget in tokens, or an effort; '' = the model's default. */
export function reasoningFormValue(control: ReasoningControl | null, params: ConversationParams): string {
  if (control === 'budget') return params.thinkingBudget === undefined ? '' : String(params.thinkingBudget);
  if (control === 'effort') return params.reasoningEffort ?? '';
  return '';
}

/**
 * Applies the reasoning input to `params` for a model with `control`. The other knob (and both,
 * for a model that does not reason) keeps its previous value: it is not sent, and switching
 * models back and forth must not lose it. Returns false when the text is not valid.
 */
export function applyReasoningForm(
  control: ReasoningControl | null,
  text: string,
  previous: ConversationParams,
  params: ConversationParams,
): boolean {
  if (previous.thinkingBudget !== undefined) params.thinkingBudget = previous.thinkingBudget;
  if (previous.reasoningEffort !== undefined) params.reasoningEffort = previous.reasoningEffort;
  if (control === null) return true;
  const value = text.trim();
  if (control === 'budget') {
    delete params.thinkingBudget;
    if (value === '') return true;
    const n = Number(value);
    if (!Number.isInteger(n) || n < THINKING_BUDGET_RANGE.min || n > THINKING_BUDGET_RANGE.max) return false;
    params.thinkingBudget = n;
    return true;
  }
  delete params.reasoningEffort;
  if (value === '') return true;
  if (!isEffort(value)) return false;
  params.reasoningEffort = value;
  return true;
}

function isEffort(value: string): value is ReasoningEffort {
  return (REASONING_EFFORTS as readonly string[]).includes(value);
}
