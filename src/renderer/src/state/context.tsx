import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppController } from './AppController';
import type { AppState } from './store';

const ControllerContext = createContext<AppController | null>(null);

export function ControllerProvider({ controller, children }: { controller: AppController; children: ReactNode }) {
  return <ControllerContext.Provider value={controller}>{children}</ControllerContext.Provider>;
}

export function useController(): AppController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error('useController outside ControllerProvider');
  return controller;
}

/** Subscribes to one slice of state; the selector must return stable values (fields, not new objects). */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const { store } = useController();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
