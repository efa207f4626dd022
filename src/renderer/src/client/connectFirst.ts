import { connect, type WindowLink } from './index';
import type { RendererClient } from './types';

/**
 * Imported first by each window's entry, so the link to the core (the WebSocket's handshake in
 * browser mode) is under way while React and the views are still being evaluated, instead of
 * starting after them (issue #13, cold start).
 */
export const firstLink: WindowLink = connect();
export const firstClient: RendererClient = firstLink.client;
