import { EVENT_NAMES, type EventName, type Events } from '../../../shared/contract';

type Listener<E extends EventName> = (payload: Events[E]) => void;
type ListenerSets = { [E in EventName]: Set<Listener<E>> };

/** Typed fan-out of contract events; one throwing listener never starves the others. */
export class EventHub {
  private readonly sets = Object.fromEntries(EVENT_NAMES.map((name) => [name, new Set()])) as unknown as ListenerSets;

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    const set: Set<Listener<E>> = this.sets[name];
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    const set: Set<Listener<E>> = this.sets[name];
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`listener for ${name} failed`, err);
      }
    }
  }

  has(name: string): name is EventName {
    return Object.hasOwn(this.sets, name);
  }
}
