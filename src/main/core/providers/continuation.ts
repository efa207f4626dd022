/**
 * "Continue" for providers that cannot prefill (PREFILL_SUPPORT `none`): the partial answer
 * goes back as an assistant turn, followed by a user turn asking to carry on. The model's new
 * text is appended to the same message by the caller. Unlike a prefill, the model may repeat
 * a few words or start with a preamble despite the instruction; that is the price of
 * protocols without prefill.
 */
import type { PrefillSupport } from '../../../shared/providerCatalog';
import type { ChatTurnMessage, ProviderRequest } from './provider';

export const CONTINUE_INSTRUCTION =
  'Continue your previous answer exactly where it stopped, mid-sentence if need be. Do not repeat any of it and add no preamble.';

/** The messages of an explicit continuation request. */
export function continuationMessages(messages: readonly ChatTurnMessage[], partial: string): ChatTurnMessage[] {
  return [...messages, { role: 'assistant', content: partial }, { role: 'user', content: CONTINUE_INSTRUCTION }];
}

/** The request that continues `partial` on a provider with the given prefill support. */
export function continueRequest(base: ProviderRequest, partial: string, support: PrefillSupport): ProviderRequest {
  if (support === 'none') return { ...base, prefill: undefined, messages: continuationMessages(base.messages, partial) };
  return { ...base, prefill: partial };
}
