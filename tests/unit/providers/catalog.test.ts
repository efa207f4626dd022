/** The data settings and the UI read about each kind, the registry, and the continuation helper. */
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_FIELDS,
  DEFAULT_BASE_URLS,
  findSparkProduct,
  isParameterValid,
  PARAMETER_RANGES,
  PREFILL_SUPPORT,
  PROVIDER_KINDS,
  qianfanEndpoint,
  SPARK_PRODUCTS,
} from '../../../src/shared/providerCatalog';
import { CONTINUE_INSTRUCTION, continueRequest } from '../../../src/main/core/providers/continuation';
import type { ProviderRequest } from '../../../src/main/core/providers/provider';
import { getProviderFactory, PROVIDER_FACTORIES } from '../../../src/main/core/providers/registry';
import { AppError } from '../../../src/shared/errors';

describe('registry', () => {
  it('has exactly one factory per kind, in the catalog’s order', () => {
    expect(PROVIDER_FACTORIES.map((f) => f.kind)).toEqual([...PROVIDER_KINDS]);
    for (const kind of PROVIDER_KINDS) expect(getProviderFactory(kind).kind).toBe(kind);
  });

  it('refuses an unknown kind (a settings file from a newer version) with bad_request', () => {
    expect(() => getProviderFactory('carrier-pigeon' as never)).toThrow(AppError);
  });
});

describe('catalog', () => {
  it('describes every kind', () => {
    // The custom kind is described by the user: its secrets are header values and its URL is its own.
    for (const kind of PROVIDER_KINDS.filter((k) => k !== 'custom')) {
      expect(CREDENTIAL_FIELDS[kind].length).toBeGreaterThan(0);
      // Every kind can cap the answer: a whole number of tokens, a usual cap accepted, none refused.
      expect(PARAMETER_RANGES[kind].maxOutputTokens.integer).toBe(true);
      expect(isParameterValid(kind, 'maxOutputTokens', 1000)).toBe(true);
      expect(isParameterValid(kind, 'maxOutputTokens', 0)).toBe(false);
      expect(isParameterValid(kind, 'maxOutputTokens', 1000.5)).toBe(false);
      expect(['native', 'best-effort', 'none']).toContain(PREFILL_SUPPORT[kind]);
      expect(DEFAULT_BASE_URLS[kind]).toMatch(/^(https|wss):\/\//);
    }
    expect([CREDENTIAL_FIELDS.custom, DEFAULT_BASE_URLS.custom, PREFILL_SUPPORT.custom]).toEqual([[], '', 'none']);
  });

  it('Spark takes APPID, APIKey and APISecret; Qianfan API Key and Secret Key; only the APPID is not secret', () => {
    expect(CREDENTIAL_FIELDS.spark.map((f) => [f.name, f.secret, f.required])).toEqual([
      ['appId', false, true],
      ['apiKey', true, true],
      ['apiSecret', true, true],
    ]);
    expect(CREDENTIAL_FIELDS.qianfan.map((f) => [f.name, f.vendorLabel])).toEqual([
      ['apiKey', 'API Key'],
      ['apiSecret', 'Secret Key'],
    ]);
    expect(CREDENTIAL_FIELDS['openai-compatible'][0]?.required).toBe(false);
  });

  it.each([
    ['openai-compatible', 'temperature', 2, true],
    ['openai-compatible', 'temperature', 2.1, false],
    ['anthropic', 'temperature', 1, true],
    ['anthropic', 'temperature', 1.2, false],
    ['spark', 'temperature', 0, false],
    ['spark', 'temperature', 0.01, true],
    ['spark', 'topK', 1, true],
    ['spark', 'topK', 6, true],
    ['spark', 'topK', 7, false],
    ['spark', 'topK', 2.5, false],
    ['spark', 'topP', 0.5, false],
    ['openai-compatible', 'topK', 5, false],
    ['qianfan', 'maxOutputTokens', 1, false],
    ['gemini', 'maxOutputTokens', 65536, true],
    ['gemini', 'temperature', Number.NaN, false],
  ] as const)('%s %s = %s is valid: %s', (kind, name, value, valid) => {
    expect(isParameterValid(kind, name, value)).toBe(valid);
  });

  it('finds Spark products by domain or id, and maps Qianfan models to endpoints', () => {
    expect(findSparkProduct('4.0Ultra')?.url).toBe('wss://spark-api.xf-yun.com/v4.0/chat');
    expect(findSparkProduct('max-32k')?.domain).toBe('max-32k');
    expect(findSparkProduct('lite')?.contextTokens).toBe(8192);
    expect(new Set(SPARK_PRODUCTS.map((p) => p.domain)).size).toBe(SPARK_PRODUCTS.length);
    expect(qianfanEndpoint('ERNIE-4.0-8K')).toBe('completions_pro');
    expect(qianfanEndpoint('completions_pro')).toBe('completions_pro');
    expect(qianfanEndpoint('ERNIE-X1-32K')).toBe('ernie-x1-32k');
  });
});

describe('continueRequest', () => {
  const base: ProviderRequest = { model: 'm', messages: [{ role: 'user', content: 'Tell a story' }] };

  it('uses a prefill where the protocol has one', () => {
    expect(continueRequest(base, 'Once upon', 'native')).toEqual({ ...base, prefill: 'Once upon' });
    expect(continueRequest(base, 'Once upon', 'best-effort')).toEqual({ ...base, prefill: 'Once upon' });
  });

  it('builds an explicit continuation where it has none', () => {
    expect(continueRequest(base, 'Once upon', 'none')).toEqual({
      model: 'm',
      prefill: undefined,
      messages: [
        { role: 'user', content: 'Tell a story' },
        { role: 'assistant', content: 'Once upon' },
        { role: 'user', content: CONTINUE_INSTRUCTION },
      ],
    });
  });
});
