import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** The update panel's requests: status, check now, the setting, "Restart to update". */
export const updateHandlers = (d: HandlerDeps) =>
  ({
    'updates.status': () => d.updates.current(),
    'updates.check': () => d.updates.check(),
    'updates.setAutoCheck': ({ enabled }) => d.updates.setAutoCheck(enabled),
    'updates.restart': () => d.updates.restart(),
  }) satisfies Partial<Handlers>;
