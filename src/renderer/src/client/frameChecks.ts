/**
 * What the browser-mode client checks each server frame against: the frame's shape and each
 * event's payload schema. This is the contract's zod side; the first screen does not wait for
 * it (wsClient.ts loads it beside the socket's handshake, issue #13, cold start).
 */
export { eventSchemas } from '../../../shared/contract';
export { serverFrameSchema } from '../../../shared/wsProtocol';
