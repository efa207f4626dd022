import { AppError, type ErrorCode } from '../../../../shared/errors';
import { errorText } from '../../../../shared/i18n/errorText';
import { redactError } from '../../base';

/** OpenAI's error envelope, which every OpenAI client library knows how to read. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

export interface ApiFailure {
  status: number;
  body: OpenAIErrorBody;
  headers: Record<string, string>;
}

/**
 * How each AppError reaches an API client. A provider refusing *its* key is a gateway problem
 * (502), never 401: that status would tell the client its Brook key is wrong.
 */
const BY_CODE: Record<ErrorCode, { status: number; type: string; code: string }> = {
  auth: { status: 502, type: 'api_error', code: 'provider_auth_failed' },
  rate_limit: { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' },
  quota: { status: 429, type: 'insufficient_quota', code: 'insufficient_quota' },
  content_filter: { status: 400, type: 'invalid_request_error', code: 'content_filter' },
  context_too_long: { status: 400, type: 'invalid_request_error', code: 'context_length_exceeded' },
  network: { status: 502, type: 'api_error', code: 'provider_unreachable' },
  timeout: { status: 504, type: 'api_error', code: 'timeout' },
  provider: { status: 502, type: 'api_error', code: 'provider_error' },
  bad_request: { status: 400, type: 'invalid_request_error', code: 'bad_request' },
  not_found: { status: 404, type: 'invalid_request_error', code: 'not_found' },
  internal: { status: 500, type: 'api_error', code: 'internal_error' },
};

export function failure(status: number, type: string, code: string | null, message: string, param: string | null = null): ApiFailure {
  return { status, headers: {}, body: { error: { message, type, code, param } } };
}

export function failureFromError(err: unknown): ApiFailure {
  const data = redactError(AppError.from(err).toJSON());
  const e = AppError.fromJSON(data);
  if (e.messageKey === 'toolCalls.errors.noToolCalling') {
    // The window's wording speaks of a Tools switch; an API client changes its request instead.
    const who = String(e.params?.provider ?? 'This provider');
    return failure(400, 'invalid_request_error', 'tools_not_supported', `${who} cannot call tools: send the request without "tools", or use a model of an OpenAI-compatible, Anthropic or Gemini provider.`, 'tools');
  }
  const mapped = e.messageKey === 'errors.unknownModel'
    ? { status: 404, type: 'invalid_request_error', code: 'model_not_found' }
    : BY_CODE[e.code];
  // English for API clients (a program reads it), with the provider's own words when known.
  const sentence = errorText('en', e.toJSON());
  const message = e.detail && e.code !== 'internal' ? `${sentence} (${e.detail})` : sentence;
  const out = failure(mapped.status, mapped.type, mapped.code, message);
  if (e.retryAfterMs !== undefined) out.headers['retry-after'] = String(Math.ceil(e.retryAfterMs / 1000));
  return out;
}

export const unauthorized = (): ApiFailure =>
  failure(401, 'invalid_request_error', 'invalid_api_key', 'Incorrect API key provided. Use the key shown in Brook’s settings (Local API).');
