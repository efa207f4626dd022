/**
 * Every provider the app can talk to, listed by hand: a provider exists because it is in this
 * array, not because some module happened to be imported first (DESIGN.md). Adding a
 * provider = one file under core/providers/ plus one line here (and its kind in
 * shared/domain.ts `ProviderKind` and in ./catalog.ts).
 */
import type { ProviderKind } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { anthropicFactory } from './anthropic';
import { customEndpointFactory } from './customEndpoint';
import { geminiFactory } from './gemini';
import { openAICompatibleFactory } from './openaiCompatible';
import type { ProviderFactory } from './provider';
import { qianfanFactory } from './qianfan';
import { sparkFactory } from './spark';

export const PROVIDER_FACTORIES: readonly ProviderFactory[] = [
  openAICompatibleFactory,
  anthropicFactory,
  geminiFactory,
  sparkFactory,
  qianfanFactory,
  customEndpointFactory,
];

/** Throws AppError `bad_request` for a kind no factory handles (e.g. a settings file from a newer version). */
export function getProviderFactory(kind: ProviderKind): ProviderFactory {
  const factory = PROVIDER_FACTORIES.find((f) => f.kind === kind);
  if (!factory) {
    throw new AppError('bad_request', { messageKey: 'errors.noProvider', retryable: false, detail: `Unknown provider kind: ${String(kind)}` });
  }
  return factory;
}
