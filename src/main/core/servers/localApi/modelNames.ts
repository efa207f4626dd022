import { AppError } from '../../../../shared/errors';
import type { ProviderRecord, StoredState } from '../../settings';

/**
 * API model names are `<provider name>/<model>`, e.g. `DeepSeek/deepseek-chat`; a bare provider
 * name means its default model. Provider names may themselves contain `/`, so the longest
 * matching name wins.
 */
export function resolveModelName(name: string, providers: readonly ProviderRecord[]): { record: ProviderRecord; model: string } {
  let best: { record: ProviderRecord; model: string } | null = null;
  for (const record of providers) {
    let model: string | null = null;
    if (name === record.name) model = record.defaultModel;
    else if (name.startsWith(`${record.name}/`)) model = name.slice(record.name.length + 1);
    if (model && (!best || record.name.length > best.record.name.length)) best = { record, model };
  }
  if (!best) throw new AppError('not_found', { messageKey: 'errors.unknownModel', params: { model: name }, retryable: false });
  return best;
}

/** The configured pairs: each provider's default model, and the quick-ask model. */
export function listModelNames(state: StoredState): string[] {
  const names = new Set<string>();
  for (const p of state.providers) if (p.defaultModel) names.add(`${p.name}/${p.defaultModel}`);
  const quick = state.settings.quickAsk;
  const quickProvider = state.providers.find((p) => p.id === quick.providerId);
  if (quickProvider && quick.model) names.add(`${quickProvider.name}/${quick.model}`);
  return [...names];
}
