/** Pure geometry for the quick-ask window, kept apart from Electron so it can be tested in Node. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedBounds extends Rect {
  displayId: number;
}

export const QUICK_ASK_DEFAULT_SIZE = { width: 680, height: 460 };
const MIN = { width: 420, height: 240 };

/**
 * Where the quick-ask window opens on the display under the cursor: where the user left it
 * on that display, else centred in the upper third (where the eye is), always fully visible.
 */
export function placeQuickAsk(saved: SavedBounds | null, display: { id: number; workArea: Rect }): Rect {
  const area = display.workArea;
  const width = clamp(saved?.width ?? QUICK_ASK_DEFAULT_SIZE.width, MIN.width, area.width);
  const height = clamp(saved?.height ?? QUICK_ASK_DEFAULT_SIZE.height, MIN.height, area.height);
  if (saved && saved.displayId === display.id) {
    return {
      x: clamp(saved.x, area.x, area.x + area.width - width),
      y: clamp(saved.y, area.y, area.y + area.height - height),
      width,
      height,
    };
  }
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + Math.max(0, (area.height - height) / 3)),
    width,
    height,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
