/**
 * api: the contract's requests answered. One handler file per area, merged into the object
 * whose type makes the compiler demand every request, and `dispatch`, which validates a
 * request against its schema before its handler runs. Uses base, history, settings, websearch
 * and chat.
 */
export { dispatch, isRequestName } from './dispatch';
export type { HandlerDeps, HistoryMaintenance, LocalServicesControl } from './deps';
export { createHandlers, mergeSettings } from './handlers';
