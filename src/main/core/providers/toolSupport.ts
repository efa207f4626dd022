/**
 * What every protocol's tool code shares: the refusal of kinds that have no tool calling, and
 * the parse of a model's argument text (which may be cut or not JSON at all).
 */
import { AppError } from '../../../shared/errors';
import type { ProviderRequest } from './provider';

/**
 * For kinds without tool calling (Spark chat, Qianfan v1, custom endpoints): tools switched on
 * would be ignored without a word, and the model would pretend to use them. Refuse before sending.
 */
export function refuseTools(request: ProviderRequest, providerName: string): void {
  if (request.tools && request.tools.length > 0) {
    throw new AppError('bad_request', {
      messageKey: 'toolCalls.errors.noToolCalling',
      retryable: false,
      params: { provider: providerName },
      detail: `${providerName} cannot call tools; switch Tools off for this chat or pick another provider.`,
    });
  }
}

/** A call's arguments as an object: `{}` for empty text; null when the text is not a JSON object. */
export function parseToolArguments(text: string): Record<string, unknown> | null {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
