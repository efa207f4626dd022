import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Provider records with their keys (which never come back). */
export const providerHandlers = (d: HandlerDeps) =>
  ({
    'providers.list': () => d.providers.list(),
    'providers.save': ({ id, draft }) => d.providers.save(id, draft),
    'providers.remove': ({ id }) => {
      d.providers.remove(id);
      return null;
    },
    'providers.test': ({ id, draft }) => d.providers.test(id, draft),
  }) satisfies Partial<Handlers>;
