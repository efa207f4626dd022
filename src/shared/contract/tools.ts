/**
 * Tools through MCP (issue 16), the servers half: Settings → Tools lists the user's MCP
 * servers with their state and tools, and edits them. Secret environment values and secret
 * headers live in the secret store; a server as the window sees it carries '' in their place
 * and the names of the secrets that have a value stored.
 */
import { z } from 'zod';
import type { AppErrorData } from '../errors';
import { empty, id, payload, req } from './define';

/** One environment variable (stdio) or header (HTTP); a secret's value is kept in the secret store. */
export const mcpPairSchema = z.object({
  name: z.string().trim().min(1).max(256),
  value: z.string().max(8192),
  secret: z.boolean(),
});
export type McpPair = z.infer<typeof mcpPairSchema>;

export const mcpStdioSchema = z.object({
  kind: z.literal('stdio'),
  command: z.string().trim().min(1).max(4096),
  args: z.array(z.string().max(8192)).max(200),
  /** '' = Brook's own working folder. */
  cwd: z.string().trim().max(4096),
  env: z.array(mcpPairSchema).max(100),
});

export const mcpHttpSchema = z.object({
  kind: z.literal('http'),
  url: z
    .string()
    .trim()
    .max(2048)
    .refine((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, 'an http(s) URL'),
  headers: z.array(mcpPairSchema).max(100),
});

export const mcpTransportSchema = z.discriminatedUnion('kind', [mcpStdioSchema, mcpHttpSchema]);
export type McpTransportConfig = z.infer<typeof mcpTransportSchema>;
export type McpStdioConfig = z.infer<typeof mcpStdioSchema>;
export type McpHttpConfig = z.infer<typeof mcpHttpSchema>;

/** A server as stored (secret values '') and as the form edits it. */
export const mcpServerConfigSchema = z.object({
  id,
  name: z.string().trim().min(1).max(100),
  /** Off: never started, its tools never offered. On: offered by default in every conversation. */
  enabled: z.boolean(),
  transport: mcpTransportSchema,
  /** Tools the user switched off (by their name on the server). */
  disabledTools: z.array(z.string().max(256)).max(1000),
  /** Tools the user chose "Always allow" for (revocable here). */
  alwaysAllowed: z.array(z.string().max(256)).max(1000),
});
export type McpServerConfig = z.infer<typeof mcpServerConfigSchema>;

/** The add/edit form: no id for a new server; a secret pair with '' keeps its stored value. */
export const mcpServerDraftSchema = z.strictObject({
  id: id.optional(),
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  transport: mcpTransportSchema,
});
export type McpServerDraft = z.input<typeof mcpServerDraftSchema>;

export const MCP_SERVER_STATUSES = ['stopped', 'starting', 'ready', 'restarting', 'failed'] as const;
export type McpServerStatus = (typeof MCP_SERVER_STATUSES)[number];

const appErrorData = z.custom<AppErrorData>((v) => typeof v === 'object' && v !== null && 'messageKey' in v && 'code' in v);

export const mcpServerStateSchema = z.object({
  status: z.enum(MCP_SERVER_STATUSES),
  /** Why it failed, or why it is being restarted. */
  error: appErrorData.nullable(),
  /** The end of the server's stderr (bounded, known secrets redacted). */
  stderrTail: z.string(),
  /** While restarting after a crash: which attempt comes next and when (ms since epoch). */
  restartAttempt: z.number().int().nonnegative(),
  nextRestartAt: z.number().nullable(),
  /** Which HTTP transport answered ('streamableHttp' or the older 'sse'); null for stdio or before connecting. */
  httpTransport: z.enum(['streamableHttp', 'sse']).nullable(),
  /** When Brook last opened a new HTTP session on its own because the server had dropped the old one (ms since epoch); null since the last start. */
  reconnectedAt: z.number().nullable(),
});
export type McpServerState = z.infer<typeof mcpServerStateSchema>;

export const mcpToolViewSchema = z.object({
  name: z.string(),
  description: z.string(),
  inputSchema: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
});
export type McpToolView = z.infer<typeof mcpToolViewSchema>;

export const mcpServerViewSchema = z.object({
  config: mcpServerConfigSchema,
  /** Names of the secret env vars / headers that have a value stored. */
  storedSecrets: z.array(z.string()),
  state: mcpServerStateSchema,
  /** The tools last listed (empty until the server first started). */
  tools: z.array(mcpToolViewSchema),
});
export type McpServerView = z.infer<typeof mcpServerViewSchema>;

export interface McpImportResult {
  added: string[];
  /** Servers in the JSON not added, by name, with why (`exists`). */
  skipped: { name: string; reason: 'exists' }[];
  servers: McpServerView[];
}

/** The pasted or opened text is capped in bytes before parsing. */
export const MCP_IMPORT_MAX_CHARS = 256 * 1024;

const toolRef = z.strictObject({ serverId: id, tool: z.string().min(1).max(256) });

export const toolRequests = {
  'tools.listServers': req<McpServerView[]>()(empty),
  /** Adds (no id) or updates a server; an enabled server is started so the form shows whether it works. */
  'tools.saveServer': req<McpServerView>()(z.strictObject({ draft: mcpServerDraftSchema })),
  'tools.removeServer': req<McpServerView[]>()(z.strictObject({ id })),
  'tools.setServerEnabled': req<McpServerView>()(z.strictObject({ id, enabled: z.boolean() })),
  'tools.setToolEnabled': req<McpServerView>()(toolRef.extend({ enabled: z.boolean() })),
  'tools.revokeAlwaysAllow': req<McpServerView>()(toolRef),
  /** Claude Desktop / Cursor `mcpServers` JSON, pasted or read from a file by the window. */
  'tools.importJson': req<McpImportResult>()(z.strictObject({ json: z.string().max(MCP_IMPORT_MAX_CHARS) })),
  /** Starts a stopped or failed server, or restarts a running one. */
  'tools.restartServer': req<McpServerView>()(z.strictObject({ id })),
};

export const toolEvents = {
  /** Any server's state, tools or settings changed: the whole list, so every window shows the same. */
  'tools.changed': payload<{ servers: McpServerView[] }>()(z.object({ servers: z.array(mcpServerViewSchema) })),
};
