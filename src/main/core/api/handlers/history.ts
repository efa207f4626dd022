import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Search, integrity, backups and restore. */
export const historyHandlers = (d: HandlerDeps) =>
  ({
    'history.search': (args) => d.history.search.search(args),
    'history.models': () => d.history.search.models(),
    'history.health': () => d.maintenance.health,
    'history.backup': () => d.maintenance.backups.create(),
    'history.backups': () => d.maintenance.backups.list(),
    'history.restore': async ({ name }) => {
      await d.maintenance.stopStreams();
      await d.maintenance.backups.restore(name);
      d.bus.emit('history.restored', { name });
      return null;
    },
  }) satisfies Partial<Handlers>;
