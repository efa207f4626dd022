import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** What the app is and runs as. */
export const appHandlers = (d: HandlerDeps) =>
  ({
    'app.info': () => d.info,
  }) satisfies Partial<Handlers>;
