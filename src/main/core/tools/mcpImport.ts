/**
 * The `mcpServers` JSON that Claude Desktop, Cursor and others share:
 *
 *   { "mcpServers": { "files": { "command": "npx", "args": ["-y", "…"], "env": { "TOKEN": "…" } },
 *                     "remote": { "url": "https://…/mcp", "headers": { "Authorization": "Bearer …" } } } }
 *
 * (VS Code's `servers` key is read the same way.) Everything is checked before anything is
 * added, so a file with one broken entry adds nothing and says which entry and why. Values
 * whose names look like credentials are marked secret, so they go to the secret store.
 */
import type { McpPair, McpServerDraft, McpTransportConfig } from '../../../shared/contract';
import { mcpServerDraftSchema } from '../../../shared/contract';
import { mcpError } from './mcpErrors';

const SECRET_NAME = /key|token|secret|passw|auth|credential|cookie|session/i;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function bad(name: string, field: string) {
  return mcpError('bad_request', 'importBadField', { name, field }, undefined, false);
}

function pairs(name: string, field: string, value: unknown): McpPair[] {
  if (value === undefined || value === null) return [];
  if (!isRecord(value)) throw bad(name, field);
  return Object.entries(value).map(([key, v]) => {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw bad(name, `${field}.${key}`);
    return { name: key, value: String(v), secret: SECRET_NAME.test(key) };
  });
}

function transportOf(name: string, entry: Record<string, unknown>): McpTransportConfig {
  const url = entry.url ?? entry.serverUrl;
  if (typeof entry.command === 'string' && entry.command.trim() !== '') {
    const args = entry.args ?? [];
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw bad(name, 'args');
    if (entry.cwd !== undefined && typeof entry.cwd !== 'string') throw bad(name, 'cwd');
    return { kind: 'stdio', command: entry.command.trim(), args, cwd: typeof entry.cwd === 'string' ? entry.cwd : '', env: pairs(name, 'env', entry.env) };
  }
  if (typeof url === 'string' && url.trim() !== '') {
    return { kind: 'http', url: url.trim(), headers: pairs(name, 'headers', entry.headers) };
  }
  throw mcpError('bad_request', 'importNoCommand', { name }, undefined, false);
}

/** The servers in `json`, as drafts, or a translated error naming the first entry that is wrong. */
export function parseMcpServersJson(json: string): McpServerDraft[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw mcpError('bad_request', 'importNotJson', undefined, err, false);
  }
  const map = isRecord(parsed) ? (parsed.mcpServers ?? parsed.servers) : undefined;
  if (!isRecord(map)) throw mcpError('bad_request', 'importNoServers', undefined, undefined, false);
  const drafts: McpServerDraft[] = [];
  for (const [rawName, entry] of Object.entries(map)) {
    const name = rawName.trim();
    if (!isRecord(entry)) throw bad(name, name);
    const draft = { name, enabled: entry.disabled !== true, transport: transportOf(name, entry) };
    const checked = mcpServerDraftSchema.safeParse(draft);
    if (!checked.success) throw bad(name, checked.error.issues[0]?.path.join('.') || name);
    drafts.push(draft);
  }
  if (drafts.length === 0) throw mcpError('bad_request', 'importNoServers', undefined, undefined, false);
  return drafts;
}
