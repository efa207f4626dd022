import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** The search engines' keys. */
export const webSearchHandlers = (d: HandlerDeps) =>
  ({
    'webSearch.keys': () => d.webSearch.keys(),
    'webSearch.setKey': ({ backend, key }) => d.webSearch.setKey(backend, key),
  }) satisfies Partial<Handlers>;
