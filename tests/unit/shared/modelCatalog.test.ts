import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextWindowFor, ProviderService } from '../../../src/main/core/settings/ProviderService';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState, SettingsRepository } from '../../../src/main/core/settings/settingsState';
import { effectiveCapabilities, knownCapabilities, pickerModels, reasoningControl } from '../../../src/shared/modelCatalog';
import { addModel, contextLabel, defaultAmong, modelRows, setCapability, toggleModel } from '../../../src/renderer/src/components/settings/modelListOps';

describe('the model catalog', () => {
  it('knows the abilities of well-known models, behind a router prefix too', () => {
    expect(knownCapabilities('gpt-4o')).toEqual({ vision: true, tools: true, reasoning: false, contextWindow: 128_000 });
    expect(knownCapabilities('o4-mini')).toMatchObject({ reasoning: true, vision: true });
    expect(knownCapabilities('claude-sonnet-4-5')).toMatchObject({ vision: true, tools: true, reasoning: true, contextWindow: 200_000 });
    expect(knownCapabilities('deepseek-reasoner')).toMatchObject({ vision: false, reasoning: true });
    expect(knownCapabilities('openai/gpt-4o-mini')).toMatchObject({ vision: true, contextWindow: 128_000 });
    expect(knownCapabilities('my-local-model')).toEqual({ vision: false, tools: false, reasoning: false, contextWindow: null });
  });

  it('lets the user override the catalog, and offers the reasoning control of the protocol', () => {
    const caps = effectiveCapabilities({ id: 'my-local-model', capabilities: { reasoning: true, contextWindow: 32_768 } });
    expect(caps).toEqual({ vision: false, tools: false, reasoning: true, contextWindow: 32_768 });
    expect(reasoningControl('anthropic', caps)).toBe('budget');
    expect(reasoningControl('openai-compatible', caps)).toBe('effort');
    expect(reasoningControl('gemini', caps)).toBeNull();
    expect(reasoningControl('anthropic', knownCapabilities('claude-3-5-haiku'))).toBeNull();
  });

  it('puts the default model in the picker list when the list lacks it', () => {
    expect(pickerModels({ defaultModel: 'b', models: [{ id: 'a' }] }).map((m) => m.id)).toEqual(['b', 'a']);
    expect(pickerModels({ defaultModel: 'a', models: [{ id: 'a' }] }).map((m) => m.id)).toEqual(['a']);
  });

  it('quotes context windows as people do', () => {
    expect(contextLabel(131_072)).toEqual({ key: 'models.contextK', count: 128 });
    expect(contextLabel(200_000)).toEqual({ key: 'models.contextK', count: 200 });
    expect(contextLabel(128_000)).toEqual({ key: 'models.contextK', count: 128 });
    expect(contextLabel(1_047_576)).toEqual({ key: 'models.contextM', count: 1 });
    expect(contextLabel(1_048_576)).toEqual({ key: 'models.contextM', count: 1 });
  });
});

describe('the model manager list', () => {
  it('ticks, adds, searches and keeps only changed capabilities', () => {
    let ticked = toggleModel([], 'fixture-chat', true);
    ticked = addModel(ticked, '  my-model ');
    ticked = addModel(ticked, 'my-model');
    expect(ticked.map((m) => m.id)).toEqual(['fixture-chat', 'my-model']);
    const rows = modelRows(ticked, ['fixture-chat', 'fixture-reasoner', 'fixture-long'], '');
    expect(rows.map((r) => [r.id, r.ticked])).toEqual([
      ['fixture-chat', true],
      ['my-model', true],
      ['fixture-reasoner', false],
      ['fixture-long', false],
    ]);
    expect(modelRows(ticked, ['fixture-reasoner'], 'REASON').map((r) => r.id)).toEqual(['fixture-reasoner']);

    const known = knownCapabilities('my-model');
    ticked = setCapability(ticked, 'my-model', known, 'vision', true);
    expect(ticked[1]).toEqual({ id: 'my-model', capabilities: { vision: true } });
    ticked = setCapability(ticked, 'my-model', known, 'vision', false);
    expect(ticked[1]).toEqual({ id: 'my-model' });

    expect(defaultAmong(ticked, 'my-model')).toBe('my-model');
    expect(defaultAmong(toggleModel(ticked, 'my-model', false), 'my-model')).toBe('fixture-chat');
    expect(defaultAmong([], 'x')).toBe('');
  });
});

describe('saving a provider with its models', () => {
  function service() {
    const dir = mkdtempSync(join(tmpdir(), 'brook-models-'));
    const settings = new SettingsRepository({ store: { ...defaultState() } });
    return new ProviderService(settings, new FileSecretStore(join(dir, 'k.json')), () => ({ fetch }));
  }
  const draft = { name: 'Local', kind: 'openai-compatible' as const, presetId: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1' };

  it('refuses a provider without any model', () => {
    expect(() => service().save(undefined, { ...draft, defaultModel: '', models: [] })).toThrow(
      expect.objectContaining({ messageKey: 'models.noneToSave' }),
    );
  });

  it('keeps the ticked models and their capabilities, and sizes the context from them', () => {
    const providers = service();
    const models = [{ id: 'llama3.2' }, { id: 'qwen3:8b', capabilities: { reasoning: true, contextWindow: 40_960 } }];
    const view = providers.save(undefined, { ...draft, defaultModel: '', models });
    expect(view.defaultModel).toBe('llama3.2');
    expect(view.models).toEqual(models);
    // An edit that does not send the list keeps it.
    const again = providers.save(view.id, { ...draft, defaultModel: 'qwen3:8b' });
    expect(again.models).toEqual(models);
    const record = providers.get(view.id)!;
    expect(contextWindowFor(record, 'qwen3:8b')).toBe(40_960);
    expect(contextWindowFor(record, 'llama3.2')).toBe(8192);
    expect(contextWindowFor({ ...record, contextWindow: 16_384 }, 'llama3.2')).toBe(16_384);
  });
});
