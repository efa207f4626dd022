/**
 * net: talking to other machines and guarding Brook's own doors. HTTP requests with secret
 * headers and the abort rule, SSE reading, capped bodies, the proxy, the mapping of HTTP
 * failures to AppError, URL checks, private-address checks, and listening on 127.0.0.1.
 * Imports nothing else of the core.
 */
export { readCappedText, type CappedReadOptions } from './body';
export { isSafeExternalUrl } from './externalUrl';
export { abortReason, connectionLost, readJson, resolveFailure, sendOk, withSecretHeaders, type SendOptions } from './http';
export {
  cleanDetail,
  errorFromFetchFailure,
  errorFromHttp,
  errorFromResponse,
  errorFromStreamPayload,
  extractErrorFields,
  parseRetryAfter,
  readErrorBody,
  redact,
  truncateDetail,
  type ErrorContext,
  type ErrorFields,
  type ExtraErrorKey,
} from './httpErrors';
export { finiteNumber, isRecord, nonEmptyString, parseJson } from './json';
export { listenLocal } from './listenLocal';
export { createLocalServer, DEFAULT_SERVER_TIMEOUTS, type ServerTimeouts } from './localServer';
export { isPrivateAddress, privateTarget, systemLookup, type HostLookup } from './privateAddress';
export { Network, proxyFor, type ProxyEnv } from './proxy';
export { MAX_EVENT_CHARS, readSse, type SseItem, type SseOptions } from './sse';
export { checkedUrl, hostOf, isWebUrl, trimBase } from './urls';
export { isLocalHost, isOwnOrigin, localRequestRefusal, refusalStatusLine, refuseUpgrade, type GuardOptions, type Refusal } from './localGuard';
