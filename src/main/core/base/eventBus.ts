import type { EventName, Events } from '../../../shared/contract';

export type BusListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/** Core → windows. The shell (IPC) and the headless server (WebSocket) each subscribe. */
export class EventBus {
  private readonly listeners = new Set<BusListener>();

  on(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // A closed window or socket must not stop the others from hearing the event.
      }
    }
  }
}
