import type { ConversationParams, ProviderKind } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { formatRange, isParameterValid, PARAMETER_RANGES, PARAMETER_WIRE_NAMES, type ParameterName } from '../../../shared/providerCatalog';

const CHECKED: readonly ParameterName[] = ['temperature', 'topP', 'topK', 'maxOutputTokens'];

/**
 * A conversation keeps its parameters when its provider changes, so a value that suited one
 * service can be out of another's range. Checked before anything is saved or sent: the user
 * sees which value to change instead of the provider's 400. Parameters a protocol does not
 * have are never sent (see PARAMETER_RANGES), so they are not errors here.
 */
export function checkParams(kind: ProviderKind, params: ConversationParams): void {
  for (const name of CHECKED) {
    const value = params[name];
    const range = PARAMETER_RANGES[kind][name];
    if (value === undefined || !range || isParameterValid(kind, name, value)) continue;
    throw new AppError('bad_request', {
      messageKey: 'errors.paramOutOfRange',
      params: { name: PARAMETER_WIRE_NAMES[name], value, range: formatRange(range) },
      retryable: false,
    });
  }
}
