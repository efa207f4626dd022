import { useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

/** A component kept out of the window's first files, and the call that fetches its chunk. */
export interface LazyPart<P extends object> {
  /** Draws `fallback` until the chunk is in (asking for it if nobody has), then the component. */
  Part: ComponentType<P>;
  /** Starts loading the chunk (once); resolves with the component. */
  load(): Promise<ComponentType<P>>;
}

/**
 * A part of the window drawn once its chunk has arrived, in the next render after it does. Not
 * React's `lazy` and `<Suspense>`: a boundary that has shown its fallback keeps it up for at
 * least 300 ms (React's throttle), and a chunk that came a few milliseconds after the window's
 * state held the model picker back by that much.
 */
export function lazyPart<P extends object>(importer: () => Promise<ComponentType<P>>, fallback: ReactNode = null): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const listeners = new Set<() => void>();
  const load = () =>
    (loading ??= importer().then((component) => {
      loaded = component;
      for (const listener of listeners) listener();
      return component;
    }));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const current = () => loaded;

  function Part(props: P) {
    const Shown = useSyncExternalStore(subscribe, current);
    useEffect(() => {
      if (!Shown) void load();
    }, [Shown]);
    return Shown ? <Shown {...props} /> : fallback;
  }
  return { Part, load };
}
