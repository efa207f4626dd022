/**
 * What well-known models can do, by name pattern: the capability badges of the model
 * manager and which reasoning controls the parameters offer. A provider's own per-model
 * settings override any of it (`ProviderModel.capabilities`); an unknown model has none of
 * the abilities and no known context window until the user says otherwise.
 */
import type { ModelCapabilities, ProviderKind, ProviderModel, ReasoningEffort } from './domain';
import { knownContextWindow } from './modelContext';

type Ability = 'vision' | 'tools' | 'reasoning';

/** Matched against the model id without a router prefix (`openai/gpt-4o` → `gpt-4o`). */
const ABILITIES: Record<Ability, readonly RegExp[]> = {
  vision: [
    /^gpt-4o/, /^gpt-4\.1/, /^gpt-5/, /^o[34](-|$)/, /^claude-/, /^gemini-/, /^grok-4/,
    /-vl(-|$)/i, /vision/i, /^glm-4(\.\dv|v)/i, /^llava/, /^qwen-vl/, /^kimi-k2\.5/,
  ],
  tools: [
    /^gpt-4/, /^gpt-5/, /^o[34](-|$)/, /^claude-/, /^gemini-/, /^deepseek-(chat|reasoner)/, /^deepseek-v3/i,
    /^qwen-(max|plus|turbo)/, /^qwen3/i, /^glm-4/, /^kimi-k2/, /^moonshot-v1/, /^mistral-(large|small|medium)/,
    /^grok-/, /^llama-3\.[13]/, /^ernie-(4\.5|x1)/,
  ],
  reasoning: [
    /^o[134](-|$)/, /^gpt-5/, /^deepseek-reasoner/, /^deepseek-r1/i, /^claude-(opus|sonnet)-4/, /^claude-3-7-sonnet/,
    /^claude-haiku-4-5/, /^gemini-2\.5/, /^gemini-3/, /^qwq/i, /^qwen3/i, /^x1$/, /^spark-x/, /^ernie-x1/,
    /^grok-3-mini/, /^grok-4/, /^glm-4\.[56]/, /^gpt-oss/,
  ],
};

function bareName(model: string): string {
  const slash = model.lastIndexOf('/');
  return (slash >= 0 ? model.slice(slash + 1) : model).trim();
}

/** What the catalog knows about a model (all false and null for an unknown one). */
export function knownCapabilities(model: string): ModelCapabilities {
  const name = bareName(model);
  const has = (ability: Ability) => ABILITIES[ability].some((re) => re.test(name) || re.test(name.toLowerCase()));
  return {
    vision: has('vision'),
    tools: has('tools'),
    reasoning: has('reasoning'),
    contextWindow: knownContextWindow(name) ?? knownContextWindow(model),
  };
}

/** The catalog's answer with the user's own settings for this model on top. */
export function effectiveCapabilities(model: ProviderModel): ModelCapabilities {
  return { ...knownCapabilities(model.id), ...model.capabilities };
}

/**
 * How a reasoning model's thinking is controlled, if it can be: Anthropic takes a thinking
 * budget in tokens, OpenAI-style APIs a reasoning effort. Other protocols have no such knob.
 */
export type ReasoningControl = 'budget' | 'effort';

export const REASONING_EFFORTS = ['low', 'medium', 'high'] as const satisfies readonly ReasoningEffort[];
/** Anthropic's smallest budget is 1024 tokens; the largest is well above any model's output limit. */
export const THINKING_BUDGET_RANGE = { min: 1024, max: 128_000 } as const;

export function reasoningControl(kind: ProviderKind, capabilities: Pick<ModelCapabilities, 'reasoning'>): ReasoningControl | null {
  if (!capabilities.reasoning) return null;
  if (kind === 'anthropic') return 'budget';
  if (kind === 'openai-compatible') return 'effort';
  return null;
}

/** The models a provider shows in pickers: its list, the default model first if it is missing. */
export function pickerModels(provider: { defaultModel: string; models: readonly ProviderModel[] }): ProviderModel[] {
  const list = [...provider.models];
  if (provider.defaultModel !== '' && !list.some((m) => m.id === provider.defaultModel)) list.unshift({ id: provider.defaultModel });
  return list;
}

/** Finds a provider's entry for a model (its overrides), or a bare entry. */
export function modelEntry(models: readonly ProviderModel[], id: string): ProviderModel {
  return models.find((m) => m.id === id) ?? { id };
}
