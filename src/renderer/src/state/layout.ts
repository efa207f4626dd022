import { useSyncExternalStore } from 'react';
import { Store } from './store';
import { NARROW_MAX_PX, readSidebarCollapsed, SIDEBAR_COLLAPSED_KEY } from './layoutPrefs';

/** Window-local layout choices, remembered across reloads (not app settings: each window keeps its own). */
export const layoutStore = new Store({ sidebarCollapsed: readSidebarCollapsed() });

export function setSidebarCollapsed(collapsed: boolean): void {
  layoutStore.setState({ sidebarCollapsed: collapsed });
  try {
    localStorage.setItem(SIDEBAR_COLLAPSED_KEY, String(collapsed));
  } catch {
    // Not remembered, still applied.
  }
}

export function toggleSidebar(): void {
  setSidebarCollapsed(!layoutStore.getState().sidebarCollapsed);
}

/** On a narrow window the open sidebar covers the chat: picking a chat folds it away. */
export function foldSidebarIfNarrow(): void {
  if (window.innerWidth <= NARROW_MAX_PX && !layoutStore.getState().sidebarCollapsed) setSidebarCollapsed(true);
}

export function useSidebarCollapsed(): boolean {
  return useSyncExternalStore(layoutStore.subscribe, () => layoutStore.getState().sidebarCollapsed);
}
