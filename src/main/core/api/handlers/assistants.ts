import type { Handlers } from '../../../../shared/contract';
import type { HandlerDeps } from '../deps';

/** Saved prompts. */
export const assistantHandlers = (d: HandlerDeps) =>
  ({
    'assistants.list': () => d.assistants.list(),
    'assistants.save': ({ id, draft }) => {
      const a = d.assistants.save(id, draft);
      d.bus.emit('assistants.changed', { assistants: d.assistants.list() });
      return a;
    },
    'assistants.remove': ({ id }) => {
      d.assistants.remove(id);
      d.bus.emit('assistants.changed', { assistants: d.assistants.list() });
      return null;
    },
  }) satisfies Partial<Handlers>;
