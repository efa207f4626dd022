/**
 * The MCP SDK, loaded when the first server starts instead of when the core starts: with ajv,
 * its zod schemas and cross-spawn it was about a tenth of the core's start-up work (issue #13,
 * cold start), and most people open Brook without a tool server. Only type imports of the SDK
 * are allowed outside the modules loaded from here.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

/** A single JSON-RPC message from a stdio server larger than this closes the connection (a clear error, not a crash). */
export const MAX_STDIO_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface McpSdk {
  Client: typeof Client;
  McpError: typeof McpError;
  ErrorCode: typeof ErrorCode;
  transports: typeof import('./mcpTransports');
}

let loaded: McpSdk | null = null;
let loading: Promise<McpSdk> | null = null;

export function loadMcpSdk(): Promise<McpSdk> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/types.js'),
    import('./mcpTransports'),
  ]).then(
    ([client, types, transports]) =>
      (loaded = { Client: client.Client, McpError: types.McpError, ErrorCode: types.ErrorCode, transports }),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** The SDK if a server has been started; null before, when no SDK error can exist yet. */
export function loadedMcpSdk(): McpSdk | null {
  return loaded;
}

/** The SDK's JSON-RPC error code of `err`, or null when it is not one of the SDK's errors. */
export function mcpErrorCode(err: unknown): number | null {
  return loaded !== null && err instanceof loaded.McpError ? err.code : null;
}

/** Whether `err` is the SDK's error with this JSON-RPC code (`RequestTimeout`, `ConnectionClosed`, …). */
export function isMcpErrorWith(err: unknown, code: keyof typeof ErrorCode): boolean {
  return loaded !== null && err instanceof loaded.McpError && err.code === loaded.ErrorCode[code];
}
