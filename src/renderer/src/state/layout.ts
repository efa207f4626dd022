import { useSyncExternalStore } from 'react';
import { Store } from './store';

/** Below this width the sidebar lies over the conversation instead of beside it. */
export const NARROW_MAX_PX = 720;
const STORAGE_KEY = 'brook.sidebarCollapsed';

function readCollapsed(): boolean {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved !== null) return saved === 'true';
  } catch {
    // Storage can be unavailable (private mode); fall through to the width.
  }
  // No choice made yet: a narrow window starts with the list folded away.
  return typeof window !== 'undefined' && window.innerWidth <= NARROW_MAX_PX;
}

/** Window-local layout choices, remembered across reloads (not app settings: each window keeps its own). */
export const layoutStore = new Store({ sidebarCollapsed: readCollapsed() });

export function setSidebarCollapsed(collapsed: boolean): void {
  layoutStore.setState({ sidebarCollapsed: collapsed });
  try {
    localStorage.setItem(STORAGE_KEY, String(collapsed));
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
