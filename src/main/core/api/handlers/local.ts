import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** The live feed and the local API. */
export const localHandlers = (d: HandlerDeps) =>
  ({
    'local.status': () => d.local.status(),
    'local.renewFeedToken': () => d.local.renewFeedToken(),
    'local.renewApiKey': () => d.local.renewApiKey(),
  }) satisfies Partial<Handlers>;
