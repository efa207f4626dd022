import { describe, expect, it } from 'vitest';
import { fieldsFor, parseParamsForm, toFormValues } from '../../../src/renderer/src/state/paramsForm';
import { formatRange, PARAMETER_RANGES } from '../../../src/shared/providerCatalog';

describe('conversation parameters form', () => {
  it('shows only the parameters each kind of provider takes', () => {
    expect(fieldsFor('openai-compatible')).toEqual(['temperature', 'topP', 'maxOutputTokens']);
    expect(fieldsFor('spark')).toEqual(['temperature', 'topK', 'maxOutputTokens']);
    expect(fieldsFor('anthropic')).toEqual(['temperature', 'topP', 'topK', 'maxOutputTokens']);
  });

  it('turns text into params, empty meaning the provider default', () => {
    const values = { ...toFormValues({}), systemPrompt: '  Be brief. ', temperature: '0.7', maxOutputTokens: '' };
    expect(parseParamsForm('openai-compatible', values, {})).toEqual({
      params: { systemPrompt: '  Be brief. ', temperature: 0.7 },
      invalid: [],
    });
    expect(parseParamsForm('openai-compatible', { ...values, systemPrompt: '   ' }, {}).params).toEqual({ temperature: 0.7 });
  });

  it('flags values outside the kind\'s range and half-typed numbers', () => {
    const base = toFormValues({});
    expect(parseParamsForm('spark', { ...base, temperature: '0', topK: '7' }, {}).invalid).toEqual(['temperature', 'topK']);
    expect(parseParamsForm('spark', { ...base, temperature: '1', topK: '6' }, {}).invalid).toEqual([]);
    expect(parseParamsForm('openai-compatible', { ...base, temperature: '0.', maxOutputTokens: '1.5' }, {})).toEqual({
      params: { temperature: 0 },
      invalid: ['maxOutputTokens'],
    });
    expect(parseParamsForm('openai-compatible', { ...base, topP: 'abc' }, {}).invalid).toEqual(['topP']);
  });

  it('keeps values of parameters this kind does not show', () => {
    const previous = { topK: 40, topP: 0.9 };
    const values = toFormValues(previous);
    expect(parseParamsForm('openai-compatible', values, previous).params).toEqual({ topK: 40, topP: 0.9 });
  });

  it('round-trips saved params', () => {
    const params = { systemPrompt: 'x', temperature: 0.2, topK: 3, maxOutputTokens: 100 };
    expect(parseParamsForm('spark', toFormValues(params), params).params).toEqual(params);
  });

  it('formats ranges the way the hints and errors show them', () => {
    expect(formatRange(PARAMETER_RANGES.spark.temperature!)).toBe('(0, 1]');
    expect(formatRange(PARAMETER_RANGES['openai-compatible'].temperature!)).toBe('0–2');
    expect(formatRange(PARAMETER_RANGES['openai-compatible'].maxOutputTokens)).toBe('≥ 1');
  });
});
