import { lazy, useState, type ComponentType } from 'react';

/** A component kept out of the window's first files, and the call that fetches its chunk. */
export interface LazyPart<P extends object> {
  Part: ComponentType<P>;
  /** Starts loading the chunk (once); resolves with the component. */
  load(): Promise<ComponentType<P>>;
}

/**
 * Like React's `lazy`, but once the chunk has arrived (loaded ahead by `load()`) the part is
 * drawn in the same render as the rest: a plain `lazy` still suspends on its first render (its
 * promise settles a microtask later), which can show the fallback for a frame. Draw it inside a
 * `<Suspense>` for when the chunk is still on its way.
 */
export function lazyPart<P extends object>(importer: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const load = () => (loading ??= importer().then((component) => (loaded = component)));
  const Lazy = lazy(() => load().then((component) => ({ default: component })));

  function Part(props: P) {
    // Chosen once per mount: swapping the lazy wrapper for the loaded component later would remount it.
    const [Shown] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Shown {...props} />;
  }
  return { Part, load };
}
