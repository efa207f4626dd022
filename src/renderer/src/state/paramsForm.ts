import type { ConversationParams, ProviderKind } from '../../../shared/domain';
import { isParameterValid, PARAMETER_RANGES, type ParameterName } from '../../../shared/providerCatalog';

export const PARAM_FIELDS: readonly ParameterName[] = ['temperature', 'topP', 'topK', 'maxOutputTokens'];

/** What the inputs hold: text, so a half-typed "0." is not lost or rejected while typing. */
export type ParamsFormValues = { systemPrompt: string } & Record<ParameterName, string>;

export function toFormValues(params: ConversationParams): ParamsFormValues {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    systemPrompt: params.systemPrompt ?? '',
    temperature: text(params.temperature),
    topP: text(params.topP),
    topK: text(params.topK),
    maxOutputTokens: text(params.maxOutputTokens),
  };
}

/** The parameters this kind of provider takes, in form order. */
export function fieldsFor(kind: ProviderKind): ParameterName[] {
  return PARAM_FIELDS.filter((name) => PARAMETER_RANGES[kind][name] !== undefined);
}

/**
 * Form text to params for a provider of `kind`. Empty means "the provider's default". Values
 * of parameters this kind does not take are kept as they were (they are not sent), so
 * switching to another provider and back does not lose them.
 */
export function parseParamsForm(
  kind: ProviderKind,
  values: ParamsFormValues,
  previous: ConversationParams,
): { params: ConversationParams; invalid: ParameterName[] } {
  const params: ConversationParams = {};
  const invalid: ParameterName[] = [];
  const systemPrompt = values.systemPrompt.trim() === '' ? undefined : values.systemPrompt;
  if (systemPrompt !== undefined) params.systemPrompt = systemPrompt;
  const shown = new Set(fieldsFor(kind));
  for (const name of PARAM_FIELDS) {
    if (!shown.has(name)) {
      if (previous[name] !== undefined) params[name] = previous[name];
      continue;
    }
    const text = values[name].trim();
    if (text === '') continue;
    const value = Number(text);
    if (!isParameterValid(kind, name, value)) invalid.push(name);
    else params[name] = value;
  }
  // Reasoning knobs are set by applyReasoningForm; keep them here so this never drops them.
  if (previous.thinkingBudget !== undefined) params.thinkingBudget = previous.thinkingBudget;
  if (previous.reasoningEffort !== undefined) params.reasoningEffort = previous.reasoningEffort;
  return { params, invalid };
}
