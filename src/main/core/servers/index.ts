/**
 * servers: Brook's servers on 127.0.0.1, every door through net's localGuard: the browser-mode
 * server (the renderer and the contract over WebSocket), the live feed, the OpenAI-compatible
 * local API, and LocalServices, which starts and stops the last two to match settings.
 * Uses base, net, providers, history, settings, streaming, chat and api.
 */
export { startHeadlessServer, type HeadlessServer, type HeadlessServerOptions } from './headless/headlessServer';
export { contentTypeOf } from './headless/staticFiles';
export { LocalServices, type LocalServicesDeps } from './localServices';
