/**
 * The MCP servers the user configured, in mcp-servers.json in the data folder (0600, written
 * whole and renamed into place), a file of its own so it never races the main settings store.
 * Secret env values and secret headers are in the SecretStore, one slot per pair; the file
 * keeps '' in their place, so it never holds a secret and the window never sees one.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { mcpServerConfigSchema, type McpPair, type McpServerConfig, type McpServerDraft, type McpTransportConfig } from '../../../shared/contract';
import { writePrivateFileAtomic } from '../base';
import type { SecretStore } from '../settings';
import { mcpError } from './mcpErrors';

const fileSchema = z.object({ servers: z.array(z.unknown()).catch([]) });

const pairsOf = (t: McpTransportConfig): McpPair[] => (t.kind === 'stdio' ? t.env : t.headers);
/** Header names are case-insensitive; env names are not (on Unix). */
const pairKey = (t: McpTransportConfig, name: string): string => (t.kind === 'stdio' ? `env:${name}` : `header:${name.toLowerCase()}`);
const slot = (serverId: string, t: McpTransportConfig, name: string): string => `mcp:${serverId}#${pairKey(t, name)}`;

/** Where kept secrets may go: the command for stdio, the origin for HTTP. */
function destinationOf(t: McpTransportConfig): string {
  if (t.kind === 'stdio') return `stdio:${t.command}`;
  try {
    return `http:${new URL(t.url).origin}`;
  } catch {
    return 'http:';
  }
}

function blanked(t: McpTransportConfig): McpTransportConfig {
  const blank = (pairs: McpPair[]) => pairs.map((p) => (p.secret ? { ...p, value: '' } : p));
  return t.kind === 'stdio' ? { ...t, env: blank(t.env) } : { ...t, headers: blank(t.headers) };
}

export class McpServerStore {
  private servers: McpServerConfig[];

  constructor(
    private readonly file: string,
    private readonly secrets: SecretStore,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.servers = this.readFile();
  }

  list(): McpServerConfig[] {
    return this.servers;
  }

  get(id: string): McpServerConfig | undefined {
    return this.servers.find((s) => s.id === id);
  }

  require(id: string): McpServerConfig {
    const found = this.get(id);
    if (!found) throw mcpError('not_found', 'serverNotFound', undefined, undefined, false);
    return found;
  }

  /** Adds or updates a server from the form; secret values go to the secret store. */
  save(draft: McpServerDraft & { id?: string }): McpServerConfig {
    const before = draft.id ? this.require(draft.id) : undefined;
    const serverId = before?.id ?? randomUUID();
    const transport = draft.transport as McpTransportConfig;
    this.assertSecretsMayFollow(serverId, before?.transport, transport);
    this.storeSecrets(serverId, before?.transport, transport);
    const config: McpServerConfig = {
      id: serverId,
      name: draft.name.trim(),
      enabled: draft.enabled,
      transport: blanked(transport),
      disabledTools: before?.disabledTools ?? [],
      alwaysAllowed: before?.alwaysAllowed ?? [],
    };
    this.servers = before ? this.servers.map((s) => (s.id === serverId ? config : s)) : [...this.servers, config];
    this.writeFile();
    return config;
  }

  remove(id: string): void {
    const server = this.require(id);
    for (const pair of pairsOf(server.transport)) if (pair.secret) this.secrets.delete(slot(id, server.transport, pair.name));
    this.servers = this.servers.filter((s) => s.id !== id);
    this.writeFile();
  }

  /** Changes the stored record's switches (enabled, tool switches, always-allow). */
  patch(id: string, change: (server: McpServerConfig) => McpServerConfig): McpServerConfig {
    const next = change(this.require(id));
    this.servers = this.servers.map((s) => (s.id === id ? next : s));
    this.writeFile();
    return next;
  }

  /** The transport with every secret value filled in from the secret store, to start the server with. Never leaves the core. */
  withSecrets(server: McpServerConfig): McpTransportConfig {
    const fill = (pairs: McpPair[]) =>
      pairs.map((p) => (p.secret ? { ...p, value: this.secrets.get(slot(server.id, server.transport, p.name)) ?? '' } : p));
    const t = server.transport;
    return t.kind === 'stdio' ? { ...t, env: fill(t.env) } : { ...t, headers: fill(t.headers) };
  }

  /** Names of the secret pairs that have a value stored (the form's "stored" hint). */
  storedSecrets(server: McpServerConfig): string[] {
    return pairsOf(server.transport)
      .filter((p) => p.secret && this.secrets.get(slot(server.id, server.transport, p.name)) !== null)
      .map((p) => p.name);
  }

  /** A kept secret is never sent to another command or origin than the one it was typed for. */
  private assertSecretsMayFollow(serverId: string, before: McpTransportConfig | undefined, draft: McpTransportConfig): void {
    if (!before || destinationOf(before) === destinationOf(draft)) return;
    const kept = pairsOf(draft).some((p) => p.secret && p.value === '' && this.secrets.get(slot(serverId, before, p.name)) !== null);
    if (kept) throw mcpError('bad_request', 'reenterSecrets', undefined, undefined, false);
  }

  private storeSecrets(serverId: string, before: McpTransportConfig | undefined, draft: McpTransportConfig): void {
    const keep = new Set(pairsOf(draft).filter((p) => p.secret).map((p) => pairKey(draft, p.name)));
    if (before) {
      const sameKind = before.kind === draft.kind;
      for (const old of pairsOf(before)) {
        if (old.secret && (!sameKind || !keep.has(pairKey(before, old.name)))) this.secrets.delete(slot(serverId, before, old.name));
      }
    }
    for (const p of pairsOf(draft)) if (p.secret && p.value !== '') this.secrets.set(slot(serverId, draft, p.name), p.value);
  }

  private readFile(): McpServerConfig[] {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`mcp-servers.json could not be read; starting with no servers: ${String(err)}`);
      return [];
    }
    // A hand-edited file loses only the entries that no longer make sense.
    const servers: McpServerConfig[] = [];
    for (const entry of fileSchema.parse(raw ?? {}).servers) {
      const parsed = mcpServerConfigSchema.safeParse(entry);
      if (parsed.success) servers.push({ ...parsed.data, transport: blanked(parsed.data.transport) });
      else this.log('mcp-servers.json: one server entry was not valid and is ignored');
    }
    return servers;
  }

  private writeFile(): void {
    writePrivateFileAtomic(this.file, JSON.stringify({ servers: this.servers }, null, 2));
  }
}
