import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Test for a described endpoint (the custom provider kind). */
export const customEndpointHandlers = (d: HandlerDeps) =>
  ({
    'customEndpoint.test': ({ id, draft, question }) => d.providers.testCustom(id, draft, question),
  }) satisfies Partial<Handlers>;
