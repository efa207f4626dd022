import { describe, expect, it } from 'vitest';
import type { ConversationParams } from '../../../src/shared/domain';
import { parseParamsForm, toFormValues } from '../../../src/renderer/src/state/paramsForm';
import { applyReasoningForm, reasoningFormValue } from '../../../src/renderer/src/state/reasoningForm';

describe('reasoning form', () => {
  it('shows the knob of the model\'s control', () => {
    const params: ConversationParams = { thinkingBudget: 4096, reasoningEffort: 'low' };
    expect(reasoningFormValue('budget', params)).toBe('4096');
    expect(reasoningFormValue('effort', params)).toBe('low');
    expect(reasoningFormValue(null, params)).toBe('');
  });

  it('sets a budget in range and keeps the effort it does not show', () => {
    const params: ConversationParams = {};
    expect(applyReasoningForm('budget', ' 8000 ', { reasoningEffort: 'high' }, params)).toBe(true);
    expect(params).toEqual({ thinkingBudget: 8000, reasoningEffort: 'high' });
  });

  it('rejects a budget below 1024, above the maximum, or not a whole number', () => {
    for (const text of ['1000', '500000', '2048.5', 'lots']) expect(applyReasoningForm('budget', text, {}, {})).toBe(false);
  });

  it('clears the effort when emptied, and rejects an unknown one', () => {
    const params: ConversationParams = {};
    expect(applyReasoningForm('effort', '', { reasoningEffort: 'medium' }, params)).toBe(true);
    expect(params).toEqual({});
    expect(applyReasoningForm('effort', 'max', {}, {})).toBe(false);
  });

  it('keeps both for a model that does not reason', () => {
    const params: ConversationParams = {};
    expect(applyReasoningForm(null, 'ignored', { thinkingBudget: 2048, reasoningEffort: 'low' }, params)).toBe(true);
    expect(params).toEqual({ thinkingBudget: 2048, reasoningEffort: 'low' });
  });

  it('parseParamsForm does not drop the reasoning knobs', () => {
    const previous: ConversationParams = { temperature: 0.5, thinkingBudget: 2048, reasoningEffort: 'low' };
    const { params } = parseParamsForm('openai-compatible', toFormValues(previous), previous);
    expect(params).toEqual(previous);
  });
});
