import type { EventName, Events } from '../../../shared/contract';

type AnyListener = (payload: unknown) => void;

/**
 * Typed fan-out of contract events; one throwing listener never starves the others. Only
 * types come from the contract: its schemas (zod) are not part of the first screen.
 */
export class EventHub {
  private readonly sets = new Map<EventName, Set<AnyListener>>();

  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    // Stored untyped: `emit` is typed by the same name, so a listener only ever gets its event's payload.
    const untyped = listener as AnyListener;
    let set = this.sets.get(name);
    if (!set) this.sets.set(name, (set = new Set()));
    set.add(untyped);
    return () => {
      set.delete(untyped);
    };
  }

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    const set = this.sets.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`listener for ${name} failed`, err);
      }
    }
  }

  /** Whether anything listens for `name` (an event nobody listens for need not be checked). */
  listensFor(name: EventName): boolean {
    return (this.sets.get(name)?.size ?? 0) > 0;
  }
}
