/** Below this width the sidebar lies over the conversation instead of beside it. */
export const NARROW_MAX_PX = 720;
export const SIDEBAR_COLLAPSED_KEY = 'brook.sidebarCollapsed';

/**
 * Whether the sidebar starts folded: the window's remembered choice, else folded on a narrow
 * window. Apart from the layout store (and React) so the first paint reads the same choice.
 */
export function readSidebarCollapsed(): boolean {
  try {
    const saved = localStorage.getItem(SIDEBAR_COLLAPSED_KEY);
    if (saved !== null) return saved === 'true';
  } catch {
    // Storage can be unavailable (private mode); fall through to the width.
  }
  return typeof window !== 'undefined' && window.innerWidth <= NARROW_MAX_PX;
}
