/**
 * chat: turns. Saves what the user typed, builds the context the model reads, checks the
 * parameters, picks the answer's source (plain, Brook's web search, the provider's own search),
 * hands it to streaming, and writes a title after the first answer. Uses base, providers,
 * history, settings, websearch and streaming.
 */
export { AutoTitler, type AutoTitlerOptions } from './autoTitle';
export { ChatService, type ChatServiceOptions } from './ChatService';
