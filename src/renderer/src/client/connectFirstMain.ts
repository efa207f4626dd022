import { firstLink } from './connectFirst';

/**
 * The main window's first imports: the link, then the copy of the first screen, asked for in
 * the same task as the socket's handshake, because the server waits for both before it loads
 * the core (servers/headless/firstScreen.ts) and serves the copy only until then.
 */
export const firstScreen = firstLink.firstScreen();
