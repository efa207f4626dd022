/**
 * Frames of the browser-mode transport: the same contract as IPC, carried over one
 * WebSocket. Requests are correlated by a client-chosen numeric id.
 */
import { z } from 'zod';
import type { EventName, Events, RequestName, Result } from './contract';
import { appErrorDataSchema } from './contract/payloads';

export const clientFrameSchema = z.strictObject({
  kind: z.literal('request'),
  id: z.number().int().nonnegative(),
  name: z.string().min(1).max(100),
  args: z.unknown(),
});
export type ClientFrame = { kind: 'request'; id: number; name: RequestName; args: unknown };

export type ServerFrame =
  | ({ kind: 'response'; id: number } & Result<unknown>)
  | { [E in EventName]: { kind: 'event'; name: E; payload: Events[E] } }[EventName];

/** A frame from the server as the client checks it; an event's payload is then checked against its own schema. */
export const serverFrameSchema = z.union([
  z.object({ kind: z.literal('response'), id: z.number(), ok: z.literal(true), value: z.unknown() }),
  z.object({ kind: z.literal('response'), id: z.number(), ok: z.literal(false), error: appErrorDataSchema }),
  z.object({ kind: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);

export { TOKEN_FRAGMENT_KEY, WS_PATH } from './wsPaths';
