/**
 * What goes wrong with an MCP server, as translated AppErrors (keys under `mcp.errors.` in the
 * `mcp` strings). Raw SDK and spawn messages go only in `detail`, after known secrets are
 * redacted, never as the message.
 */
import { AppError, type ErrorCode as AppErrorCode } from '../../../shared/errors';
import { redactKnownSecrets } from '../base';
import { ResponseTooLargeError, sizeText } from './mcpHttpCap';
import { isMcpErrorWith, mcpErrorCode } from './mcpSdk';

const KEY = 'mcp.errors.';
const MAX_DETAIL_CHARS = 500;

function detailOf(err: unknown): string | undefined {
  if (err === undefined || err === null) return undefined;
  const text = err instanceof Error ? err.message : String(err);
  return redactKnownSecrets(text).slice(0, MAX_DETAIL_CHARS);
}

export function mcpError(code: AppErrorCode, key: string, params?: Record<string, string | number>, cause?: unknown, retryable?: boolean): AppError {
  return new AppError(code, { messageKey: `${KEY}${key}`, params, detail: detailOf(cause), cause, retryable });
}

export const commandNotFound = (command: string, cause: unknown) => mcpError('bad_request', 'commandNotFound', { command }, cause, false);
export const cannotStart = (cause: unknown) => mcpError('bad_request', 'cannotStart', undefined, cause, false);
export const exitedAtStart = () => mcpError('provider', 'exitedAtStart', undefined, undefined, true);
export const crashed = () => mcpError('provider', 'crashed', undefined, undefined, true);
export const notMcp = () => mcpError('provider', 'notMcp', undefined, undefined, false);
export const startTimeout = (seconds: number) => mcpError('timeout', 'startTimeout', { seconds }, undefined, true);
export const serverClosed = (cause?: unknown) => mcpError('network', 'serverClosed', undefined, cause, true);
export const messageTooLarge = (megabytes: number) => mcpError('provider', 'messageTooLarge', { megabytes }, undefined, false);
export const responseTooLarge = (limitBytes: number) => mcpError('provider', 'responseTooLarge', { limit: sizeText(limitBytes) }, undefined, false);
export const sessionExpired = (cause: unknown) => mcpError('network', 'sessionExpired', undefined, cause, true);
export const toolTimeout = (seconds: number) => mcpError('timeout', 'toolTimeout', { seconds }, undefined, true);
export const toolUnavailable = (tool: string) => mcpError('not_found', 'toolUnavailable', { tool }, undefined, false);
export const serverDisabled = (server: string) => mcpError('bad_request', 'serverDisabled', { server }, undefined, false);

/** An HTTP server that could not be reached or refused us, by status. */
export function httpFailure(status: number | undefined, cause: unknown): AppError {
  if (status === 401 || status === 403) return mcpError('auth', 'unauthorized', { status }, cause, false);
  if (status !== undefined && status > 0) return mcpError('provider', 'httpStatus', { status }, cause, status >= 500);
  return mcpError('network', 'unreachable', undefined, cause, true);
}

/**
 * A failure during a call that is not the tool's own `isError`: timeout, closed connection (with
 * the reason the connection knows, such as a crash or too large a message), a protocol error.
 */
export function callFailure(err: unknown, timeoutMs: number, closeReason: AppError | null): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ResponseTooLargeError) return responseTooLarge(err.limitBytes);
  const code = mcpErrorCode(err);
  if (code !== null) {
    if (isMcpErrorWith(err, 'RequestTimeout')) return toolTimeout(Math.round(timeoutMs / 1000));
    if (isMcpErrorWith(err, 'ConnectionClosed')) return closeReason ?? serverClosed(err);
    return mcpError('provider', 'protocol', { code }, err, false);
  }
  return serverClosed(err);
}
