import { AppError, type ErrorCode } from '../../../shared/errors';
import { cleanDetail, type ErrorContext } from '../net';

/**
 * Every documented in-band code (§4.6, from langchain4j's copy of xfyun's table), what it means
 * in plain words, and which AppError code it becomes. Unknown codes become `provider`.
 */
export const SPARK_ERROR_CODES: Readonly<Record<number, { code: ErrorCode; meaning: string }>> = {
  10000: { code: 'provider', meaning: 'the server failed to upgrade to WebSocket' },
  10001: { code: 'provider', meaning: 'the server could not read the message' },
  10002: { code: 'provider', meaning: 'the server could not send the answer' },
  10003: { code: 'bad_request', meaning: 'the request frame was malformed' },
  10004: { code: 'bad_request', meaning: 'the request did not match the schema' },
  10005: { code: 'bad_request', meaning: 'a parameter value is not allowed' },
  10006: { code: 'rate_limit', meaning: 'this user is already connected elsewhere' },
  10007: { code: 'rate_limit', meaning: 'the previous question is still being answered; wait before asking again' },
  10008: { code: 'provider', meaning: 'the service is out of capacity' },
  10009: { code: 'provider', meaning: 'the service could not reach its engine' },
  10010: { code: 'provider', meaning: 'the engine failed while answering' },
  10011: { code: 'provider', meaning: 'the service could not send the request to its engine' },
  10012: { code: 'provider', meaning: 'internal engine error' },
  10013: { code: 'content_filter', meaning: 'the question failed content review; rephrase it' },
  10014: { code: 'content_filter', meaning: 'the answer contains sensitive content, so the rest cannot be shown' },
  10015: { code: 'auth', meaning: 'this APPID is blacklisted' },
  10016: { code: 'auth', meaning: 'this APPID is not authorized (product version not enabled, tokens used up, or concurrency above the grant)' },
  10017: { code: 'provider', meaning: 'clearing the history failed' },
  10019: { code: 'content_filter', meaning: 'the conversation tends toward content that violates the rules' },
  10110: { code: 'provider', meaning: 'the service is busy; try again later' },
  10163: { code: 'bad_request', meaning: 'the engine rejected a parameter (schema check failed)' },
  10222: { code: 'provider', meaning: 'engine network error' },
  // Not in the §4.6 table: xfyun's WebAPI error lists use it for an APPID that does not belong
  // to the APIKey. UNCONFIRMED for Spark.
  10313: { code: 'auth', meaning: 'the APPID does not match the APIKey' },
  10907: { code: 'context_too_long', meaning: 'too many tokens: the history plus the question is too long' },
  11200: { code: 'quota', meaning: 'this APPID has no grant for the feature, or its usage is over the limit' },
  11201: { code: 'quota', meaning: 'the daily quota is used up' },
  11202: { code: 'rate_limit', meaning: 'too many requests per second' },
  11203: { code: 'rate_limit', meaning: 'too many concurrent requests' },
  11500: { code: 'auth', meaning: 'authentication failed' },
  11501: { code: 'bad_request', meaning: 'the request data was empty' },
};

/** The AppError for an in-band error frame. */
export function sparkError(code: number, message: string, sid: string | null, ctx: ErrorContext = {}): AppError {
  const known = SPARK_ERROR_CODES[code];
  const said = message.trim() === '' ? '' : ` Server: "${message.trim()}".`;
  const detail = `Spark error ${code}: ${known?.meaning ?? 'unknown error'}.${said}${sid ? ` (sid ${sid})` : ''}`;
  return new AppError(known?.code ?? 'provider', { detail: cleanDetail(detail, ctx), params: { providerCode: code } });
}
