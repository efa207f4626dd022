import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Sync with the user's database server: settings, a connection test, a sync now, the status. */
export const syncHandlers = (d: HandlerDeps) =>
  ({
    'sync.getSettings': () => d.sync.view(),
    'sync.saveSettings': (args) => d.sync.save(args),
    'sync.test': async ({ server, password }) => await d.sync.test(server, password),
    'sync.now': async () => await d.sync.syncNow(),
    'sync.status': () => d.sync.currentStatus(),
  }) satisfies Partial<Handlers>;
