/**
 * The one contract between the core and every window. Main (IPC), the headless server
 * (WebSocket), the preload and the renderer client are all typed from this folder, so adding
 * a request makes the compiler demand a handler for it everywhere.
 *
 * One file per area (chat, conversations, history, settings, providers, …) declares its
 * requests (argument schema + result type) and its events (payload schema). A new area adds
 * its file and one line to each list below.
 */
import type { z } from 'zod';
import type { AppErrorData } from '../errors';
import { appRequests } from './app';
import { assistantEvents, assistantRequests } from './assistants';
import { attachmentEvents, attachmentRequests } from './attachments';
import { chatEvents, chatRequests } from './chat';
import { conversationEvents, conversationRequests } from './conversations';
import { customEndpointRequests } from './customEndpoint';
import type { RequestDef } from './define';
import { desktopEvents, desktopRequests } from './desktop';
import { historyEvents, historyRequests } from './history';
import { localEvents, localRequests } from './local';
import { providerRequests } from './providers';
import { settingsEvents, settingsRequests } from './settings';
import { syncEvents, syncRequests } from './sync';
import { transferRequests } from './transfer';
import { updateEvents, updateRequests } from './updates';
import { webSearchRequests } from './webSearch';

export { assistantDraftSchema, type AssistantDraft } from './assistants';
export { attachmentIdsField, attachmentSchema, type AttachmentProgress } from './attachments';
export { conversationParamsSchema } from './conversations';
export type { RequestDef } from './define';
export { historySearchSchema, type HistorySearchArgs } from './history';
export * from './limits';
export { providerDraftSchema, type ProviderDraft } from './providers';
export { DEFAULT_FEED_ASSISTANT_NAME, FEED_ASSISTANT_NAME_MAX, settingsPatchSchema, type SettingsPatch } from './settings';
export * from './updates';
export * from './sync';

export const requests = {
  ...appRequests,
  ...settingsRequests,
  ...providerRequests,
  ...conversationRequests,
  ...chatRequests,
  ...localRequests,
  ...assistantRequests,
  ...transferRequests,
  ...webSearchRequests,
  ...historyRequests,
  ...desktopRequests,
  ...updateRequests,
  ...syncRequests,
  ...customEndpointRequests,
  ...attachmentRequests,
} as const;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export const REQUEST_NAMES = Object.keys(requests) as RequestName[];

/** What a caller passes (before defaults and trimming). */
export type RequestArgs<K extends RequestName> = z.input<Requests[K]['args']>;
/** What a handler receives (after validation). */
export type ValidatedArgs<K extends RequestName> = z.output<Requests[K]['args']>;
export type RequestResult<K extends RequestName> = Requests[K] extends RequestDef<z.ZodType, infer R> ? R : never;

/** Every event and the schema its payload is checked against where it arrives (the browser-mode client). */
export const eventSchemas = {
  ...chatEvents,
  ...conversationEvents,
  ...assistantEvents,
  ...settingsEvents,
  ...localEvents,
  ...desktopEvents,
  ...historyEvents,
  ...updateEvents,
  ...syncEvents,
  ...attachmentEvents,
} as const;

/** Event name → payload, derived from the schemas: an event without a schema cannot exist. */
export type Events = { [E in keyof typeof eventSchemas]: z.output<(typeof eventSchemas)[E]> };
export type EventName = keyof Events;
export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];

/** Every response crosses the boundary as data, so errors keep their code and key. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** The typed client the renderer uses, over IPC in Electron and WebSocket in browser mode. */
export interface BrookClient {
  request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}

/** What the preload exposes on `window.brook`: one function per request, plus `on`. */
export type PreloadApi = {
  [K in RequestName]: (args: RequestArgs<K>) => Promise<Result<RequestResult<K>>>;
} & {
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
};

export const IPC_REQUEST_PREFIX = 'brook:req:';
export const IPC_EVENT_PREFIX = 'brook:evt:';

/** The object main implements; the compiler demands a handler for every request. */
export type Handlers = {
  [K in RequestName]: (args: ValidatedArgs<K>) => Promise<RequestResult<K>> | RequestResult<K>;
};
