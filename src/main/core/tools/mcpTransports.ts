/**
 * Connecting an SDK Client to one server: stdio (a child process, stderr piped for the tail)
 * or Streamable HTTP, falling back to the older HTTP+SSE transport when the server answers the
 * Streamable HTTP handshake with a 4xx, as the MCP spec's backwards-compatibility section says.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport, SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { AppError } from '../../../shared/errors';
import type { McpHttpConfig, McpStdioConfig } from '../../../shared/contract';
import { cannotStart, commandNotFound, httpFailure, sessionExpired } from './mcpErrors';
import { cappedFetch } from './mcpHttpCap';
import { MAX_STDIO_MESSAGE_BYTES } from './mcpSdk';


export interface ClientHooks {
  /** Builds a fresh SDK Client with Brook's handlers (a failed connect leaves a client unusable). */
  newClient(): Client;
  /** Each piece of the server's stderr. */
  onStderr(chunk: string): void;
  startTimeoutMs: number;
  fetch?: FetchLike;
  /** The byte cap on each HTTP answer (mcpHttpCap); past it the client is closed after `onResponseTooLarge`. */
  maxResponseBytes: number;
  onResponseTooLarge(): void;
}

export interface Connected {
  client: Client;
  httpTransport: 'streamableHttp' | 'sse' | null;
}

export async function connectStdio(config: McpStdioConfig, hooks: ClientHooks): Promise<Connected> {
  const transport = new StdioClientTransport({
    command: config.command,
    args: config.args,
    cwd: config.cwd || undefined,
    // The SDK adds only a safe few of Brook's own variables (PATH, HOME, …): never Brook's secrets.
    env: Object.fromEntries(config.env.map((p) => [p.name, p.value])),
    stderr: 'pipe',
    maxBufferSize: MAX_STDIO_MESSAGE_BYTES,
  });
  transport.stderr?.on('data', (chunk: Buffer | string) => hooks.onStderr(chunk.toString()));
  transport.stderr?.on('error', () => {});
  const client = hooks.newClient();
  try {
    await client.connect(transport, { timeout: hooks.startTimeoutMs });
  } catch (err) {
    await client.close().catch(() => {});
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw commandNotFound(config.command, err);
    if (code === 'EACCES' || code === 'ENOTDIR' || code === 'EPERM') throw cannotStart(err);
    throw err;
  }
  return { client, httpTransport: null };
}

/** 4xx on the Streamable HTTP handshake (but not 401/403): the server may speak only the older HTTP+SSE. */
function speaksOnlySse(err: unknown): boolean {
  return err instanceof StreamableHTTPError && err.code !== undefined && err.code >= 400 && err.code < 500 && err.code !== 401 && err.code !== 403;
}

function statusOf(err: unknown): number | undefined {
  if (err instanceof StreamableHTTPError || err instanceof SseError) return typeof err.code === 'number' ? err.code : undefined;
  return undefined;
}

export async function connectHttp(config: McpHttpConfig, hooks: ClientHooks): Promise<Connected> {
  const url = new URL(config.url);
  const requestInit: RequestInit = { headers: Object.fromEntries(config.headers.map((h) => [h.name, h.value])) };
  // Each client's own capped fetch: an answer past the cap closes that client, failing what waits on it.
  const capped = (client: Client) =>
    cappedFetch(hooks.fetch, hooks.maxResponseBytes, () => {
      hooks.onResponseTooLarge();
      void client.close().catch(() => {});
    });
  const first = hooks.newClient();
  try {
    await first.connect(new StreamableHTTPClientTransport(url, { requestInit, fetch: capped(first) }), { timeout: hooks.startTimeoutMs });
    return { client: first, httpTransport: 'streamableHttp' };
  } catch (err) {
    await first.close().catch(() => {});
    if (!speaksOnlySse(err)) throw toHttpError(err);
  }
  const fallback = hooks.newClient();
  try {
    await fallback.connect(new SSEClientTransport(url, { requestInit, fetch: capped(fallback) }), { timeout: hooks.startTimeoutMs });
    return { client: fallback, httpTransport: 'sse' };
  } catch (err) {
    await fallback.close().catch(() => {});
    throw toHttpError(err);
  }
}

function toHttpError(err: unknown): unknown {
  const status = statusOf(err);
  if (status !== undefined) return httpFailure(status, err);
  // A timeout (McpError) is classified by the caller; a fetch failure is "unreachable".
  if (err instanceof TypeError) return httpFailure(undefined, err);
  return err;
}

/**
 * A failed request that says the HTTP session is gone and the request reached no tool: the
 * session id is unknown to the server (404 as the spec says; server-everything answers 400 "No
 * valid session ID"), or nothing listens at the address (a server restarting). Other failures —
 * a connection reset mid-request — may have been delivered, and are not a lost session.
 */
export function lostSession(err: unknown): AppError | null {
  if (err instanceof StreamableHTTPError && (err.code === 404 || (err.code === 400 && /session/i.test(err.message)))) return sessionExpired(err);
  if (err instanceof TypeError && connectionRefused(err.cause)) return httpFailure(undefined, err);
  return null;
}

function connectionRefused(cause: unknown): boolean {
  // Node's fetch: the socket error as `cause`, or an AggregateError of one per address tried.
  const causes = cause instanceof AggregateError ? (cause.errors as unknown[]) : [cause];
  return causes.some((c) => (c as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED');
}
