import type { FirstScreenData } from '../../../shared/firstScreen';
import type { UiLanguage } from '../i18n/resolveLanguage';

/** A click on the first paint, carried out by the app once it runs. */
export type FirstPaintIntent = { kind: 'open'; id: string } | { kind: 'new' };

/**
 * What the first-paint script (a separate, tiny script the page runs before the app) leaves
 * for the app on `window`: the copy it fetched (browser mode's server serves it once, so the
 * app must not ask again), whether it drew it, and what the user clicked meanwhile.
 */
export interface FirstPaintHandoff {
  readonly data: Promise<FirstScreenData | null>;
  /** The language the first paint was drawn in (from the copy's settings), once it is drawn; null until then. */
  painted: UiLanguage | null;
  /** Clicks before the app took over; the app replays the last one. */
  pending: FirstPaintIntent | null;
  /** Set by the app once it runs: later clicks go straight to it. */
  act: ((intent: FirstPaintIntent) => void) | null;
}

export function publishFirstPaint(handoff: FirstPaintHandoff): void {
  window.__brookFirstPaint = handoff;
}

/** The first-paint script's handoff, if it ran before the app (it is normally first; if not, the app fetches for itself). */
export function firstPaintHandoff(): FirstPaintHandoff | null {
  return window.__brookFirstPaint ?? null;
}

/** A click on the first paint: to the app if it runs, else kept for it. */
export function intend(handoff: FirstPaintHandoff, intent: FirstPaintIntent): void {
  if (handoff.act) handoff.act(intent);
  else handoff.pending = intent;
}
