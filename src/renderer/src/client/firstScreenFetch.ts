import type { FirstScreenData } from '../../../shared/firstScreen';
import { FIRST_SCREEN_PATH } from '../../../shared/wsPaths';

/**
 * Asks browser mode's server for the copy of the first screen it kept at the last clean quit
 * (shared/firstScreen.ts). Null when there is none, it no longer matches the history, or
 * anything goes wrong: the window then waits for the core's own answers, as it always can.
 */
export async function fetchFirstScreen(token: string): Promise<FirstScreenData | null> {
  try {
    const response = await fetch(FIRST_SCREEN_PATH, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (response.status !== 200) return null;
    const data: unknown = await response.json();
    return looksLikeFirstScreen(data) ? data : null;
  } catch {
    return null;
  }
}

/**
 * Our own server's copy of our own core's answers, replaced by the checked answers within a
 * second; the shape is checked here only so a damaged copy cannot break the first render.
 */
function looksLikeFirstScreen(data: unknown): data is FirstScreenData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    isObject(d.info) &&
    isObject(d.settings) &&
    isObject(d.desktop) &&
    Array.isArray(d.providers) &&
    Array.isArray(d.conversations) &&
    d.conversations.every((c) => isObject(c) && typeof (c as { id?: unknown }).id === 'string' && typeof (c as { title?: unknown }).title === 'string') &&
    (d.health === null || isObject(d.health))
  );
}
