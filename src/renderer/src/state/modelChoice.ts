import type { Conversation, ProviderView, Settings } from '../../../shared/domain';

/** A provider and model; `model: null` means the provider's default model. */
export interface ModelChoice {
  providerId: string | null;
  model: string | null;
}

/** The default provider: the one settings name, else the first configured. */
export function defaultProvider(settings: Settings | null, providers: readonly ProviderView[]): ProviderView | undefined {
  return providers.find((p) => p.id === settings?.defaultProviderId) ?? providers[0];
}

/** Where a new chat in this window goes: the quick model for quick asks, else the default provider. */
export function newChatChoice(
  origin: Conversation['origin'],
  settings: Settings | null,
  providers: readonly ProviderView[],
): ModelChoice {
  if (origin === 'quick' && settings) {
    const quick = providers.find((p) => p.id === settings.quickAsk.providerId);
    if (quick) return { providerId: quick.id, model: settings.quickAsk.model };
  }
  return { providerId: defaultProvider(settings, providers)?.id ?? null, model: null };
}
