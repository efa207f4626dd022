/**
 * Where the browser-mode window finds its token and its socket. Kept apart from the frame
 * schemas (wsProtocol.ts): the server that serves the page before the core has loaded needs
 * these two names and nothing of zod.
 */

/** The URL fragment carries the token: a fragment never reaches a server log. */
export const TOKEN_FRAGMENT_KEY = 'token';
export const WS_PATH = '/ws';
/** Browser mode's copy of the first screen from the last clean quit (FirstScreenData), asked for with the token as a Bearer key. */
export const FIRST_SCREEN_PATH = '/first-screen';
