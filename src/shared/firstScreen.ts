import type { RequestResult } from './contract';

/** Rows a window asks for before its first paint: more than any window shows at once. */
export const FIRST_LIST_ROWS = 200;

/**
 * What the main window needs for its first screen: the answers to the requests it makes first.
 * Browser mode keeps a copy from the last clean quit (`first-screen.json`) and serves it before
 * the core has loaded, so the list paints while the core is still loading (issue #13, cold start).
 */
export interface FirstScreenData {
  info: RequestResult<'app.info'>;
  settings: RequestResult<'settings.get'>;
  providers: RequestResult<'providers.list'>;
  /** The first FIRST_LIST_ROWS rows, in the order the core lists them. */
  conversations: RequestResult<'conversations.list'>;
  desktop: RequestResult<'desktop.status'>;
  health: RequestResult<'history.health'> | null;
}
