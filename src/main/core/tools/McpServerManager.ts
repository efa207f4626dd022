/**
 * The user's MCP servers as the rest of Brook sees them: the ToolHost the chat's tool loop
 * calls (tools of the enabled servers, each started on first use), and what Settings → Tools
 * shows and edits. Servers are never started at Brook's start, and `shutdown` stops every one.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpImportResult, McpServerConfig, McpServerDraft, McpServerView } from '../../../shared/contract';
import type { EventBus } from '../base';
import { abortReason } from '../net';
import type { SecretStore } from '../settings';
import { McpConnection } from './McpConnection';
import { MAX_HTTP_RESPONSE_BYTES } from './mcpHttpCap';
import { parseMcpServersJson } from './mcpImport';
import { McpServerStore } from './mcpServerStore';
import { callFailure, serverClosed, serverDisabled, toolUnavailable } from './mcpErrors';
import { toToolResult } from './toolResults';
import type { ToolCallOptions, ToolCallResult, ToolDescriptor, ToolHost, ToolSelection } from './toolHost';

export interface McpServerManagerOptions {
  /** mcp-servers.json in the data folder. */
  file: string;
  secrets: SecretStore;
  /** Where `tools.changed` goes; absent in tests that only call. */
  bus?: EventBus;
  clientVersion: string;
  /** HTTP servers are reached through Brook's network (its proxy). */
  fetch?: FetchLike;
  /** The byte cap on each HTTP answer from a server; MAX_HTTP_RESPONSE_BYTES when absent. */
  maxHttpResponseBytes?: number;
  /** How long a server has to start and answer `initialize` and `tools/list`. */
  startTimeoutMs?: number;
  restartDelaysMs?: number[];
  stableAfterMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

/** setTimeout's largest delay: "no limit" for a call. */
const NO_LIMIT_MS = 2_147_483_647;

/** `${serverId}/${name}`: server ids never contain '/', tool names may. */
export function toolIdOf(serverId: string, name: string): string {
  return `${serverId}/${name}`;
}

function splitToolId(toolId: string): { serverId: string; name: string } {
  const at = toolId.indexOf('/');
  return at < 0 ? { serverId: toolId, name: '' } : { serverId: toolId.slice(0, at), name: toolId.slice(at + 1) };
}

export class McpServerManager implements ToolHost {
  readonly store: McpServerStore;
  private readonly connections = new Map<string, McpConnection>();
  private changeQueued = false;
  private shuttingDown = false;
  private readonly log: (message: string) => void;

  constructor(private readonly options: McpServerManagerOptions) {
    this.log = options.log ?? (() => {});
    this.store = new McpServerStore(options.file, options.secrets, this.log);
  }

  // ---- ToolHost -------------------------------------------------------------------------

  async listTools(selection?: ToolSelection): Promise<ToolDescriptor[]> {
    // Brook is quitting: nothing may start a server again.
    if (this.shuttingDown) return [];
    const servers = this.store.list().filter((s) => s.enabled && (!selection || selection.serverIds.includes(s.id)));
    // A server that cannot start offers no tools; its state in Settings → Tools says why.
    await Promise.allSettled(servers.map((s) => this.connection(s.id).ready()));
    return servers.flatMap((s) => this.descriptors(s));
  }

  async callTool(toolId: string, args: Record<string, unknown>, options: ToolCallOptions): Promise<ToolCallResult> {
    const { signal, timeoutMs, onProgress } = options;
    if (signal.aborted) throw abortReason(signal);
    const { serverId, name } = splitToolId(toolId);
    const server = this.store.get(serverId);
    if (!server || server.disabledTools.includes(name)) throw toolUnavailable(name || toolId);
    if (!server.enabled) throw serverDisabled(server.name);
    if (this.shuttingDown) throw serverClosed();
    const connection = this.connection(serverId);
    const call = async (client: Client) => {
      if (!connection.tools.some((t) => t.name === name)) throw toolUnavailable(name);
      const result = await client.callTool({ name, arguments: args }, undefined, {
        signal,
        timeout: timeoutMs > 0 ? timeoutMs : NO_LIMIT_MS,
        onprogress: onProgress ? (p) => onProgress(p.progress, p.total, p.message) : undefined,
      });
      return toToolResult(result);
    };
    try {
      const client = await untilAborted(connection.ready(), signal);
      try {
        return await call(client);
      } catch (err) {
        if (signal.aborted) throw err;
        // The server dropped the session before the call reached it: once more on a new session.
        const fresh = await untilAborted(connection.recover(client, err), signal);
        if (!fresh) throw err;
        return await call(fresh);
      }
    } catch (err) {
      if (signal.aborted) throw abortReason(signal, err);
      throw callFailure(err, timeoutMs, connection.closeReason());
    }
  }

  isAlwaysAllowed(toolId: string): boolean {
    const { serverId, name } = splitToolId(toolId);
    return this.store.get(serverId)?.alwaysAllowed.includes(name) ?? false;
  }

  async setAlwaysAllowed(toolId: string, allowed: boolean): Promise<void> {
    const { serverId, name } = splitToolId(toolId);
    this.patch(serverId, (s) => ({ ...s, alwaysAllowed: withOrWithout(s.alwaysAllowed, name, allowed) }));
    return Promise.resolve();
  }

  // ---- Settings → Tools -----------------------------------------------------------------

  views(): McpServerView[] {
    return this.store.list().map((s) => this.viewOf(s));
  }

  view(id: string): McpServerView {
    return this.viewOf(this.store.require(id));
  }

  /** Adds or updates a server; an enabled one is (re)started so the page shows whether it works. */
  async save(draft: McpServerDraft): Promise<McpServerView> {
    const saved = this.store.save(draft);
    await this.follow(saved, true);
    return this.view(saved.id);
  }

  async remove(id: string): Promise<McpServerView[]> {
    this.store.require(id);
    await this.connections.get(id)?.stop();
    this.connections.delete(id);
    this.store.remove(id);
    this.changed();
    return this.views();
  }

  async setServerEnabled(id: string, enabled: boolean): Promise<McpServerView> {
    const saved = this.patch(id, (s) => ({ ...s, enabled }));
    await this.follow(saved, enabled);
    return this.view(id);
  }

  setToolEnabled(serverId: string, tool: string, enabled: boolean): McpServerView {
    this.patch(serverId, (s) => ({ ...s, disabledTools: withOrWithout(s.disabledTools, tool, !enabled) }));
    return this.view(serverId);
  }

  revokeAlwaysAllow(serverId: string, tool: string): McpServerView {
    this.patch(serverId, (s) => ({ ...s, alwaysAllowed: withOrWithout(s.alwaysAllowed, tool, false) }));
    return this.view(serverId);
  }

  /** Adds the servers of a Claude Desktop / Cursor `mcpServers` JSON (names already present are skipped). Nothing starts until used. */
  importJson(json: string): McpImportResult {
    const drafts = parseMcpServersJson(json);
    const taken = new Set(this.store.list().map((s) => s.name));
    const added: string[] = [];
    const skipped: McpImportResult['skipped'] = [];
    for (const draft of drafts) {
      if (taken.has(draft.name)) {
        skipped.push({ name: draft.name, reason: 'exists' });
        continue;
      }
      this.store.save(draft);
      taken.add(draft.name);
      added.push(draft.name);
    }
    if (added.length) this.changed();
    return { added, skipped, servers: this.views() };
  }

  /** Starts a stopped or failed server, or restarts a running one; the state follows in `tools.changed`. */
  restartServer(id: string): McpServerView {
    const server = this.store.require(id);
    if (!server.enabled) throw serverDisabled(server.name);
    if (this.shuttingDown) throw serverClosed();
    this.connection(id)
      .restart()
      .catch(() => {});
    return this.view(id);
  }

  /** Stops every server (Brook is quitting); nothing is started afterwards. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    await Promise.all([...this.connections.values()].map((c) => c.stop()));
  }

  // ---- inside -----------------------------------------------------------------------------

  /** After an edit: a disabled server is stopped; an enabled one restarted when `start`, so the edit takes effect. */
  private async follow(server: McpServerConfig, start: boolean): Promise<void> {
    const connection = this.connection(server.id);
    if (!server.enabled) {
      await connection.stop();
      return;
    }
    if (start && !this.shuttingDown) connection.restart().catch(() => {});
  }

  private connection(id: string): McpConnection {
    let connection = this.connections.get(id);
    if (!connection) {
      connection = new McpConnection(
        () => this.store.withSecrets(this.store.require(id)),
        {
          clientVersion: this.options.clientVersion,
          startTimeoutMs: this.options.startTimeoutMs ?? 30_000,
          restartDelaysMs: this.options.restartDelaysMs ?? [1_000, 2_000, 5_000, 10_000, 30_000],
          stableAfterMs: this.options.stableAfterMs ?? 60_000,
          fetch: this.options.fetch,
          maxResponseBytes: this.options.maxHttpResponseBytes ?? MAX_HTTP_RESPONSE_BYTES,
          now: this.options.now ?? Date.now,
          log: this.log,
        },
        () => this.changed(),
      );
      this.connections.set(id, connection);
    }
    return connection;
  }

  private descriptors(server: McpServerConfig): ToolDescriptor[] {
    const connection = this.connections.get(server.id);
    if (!connection || connection.state.status !== 'ready') return [];
    return connection.tools
      .filter((t) => !server.disabledTools.includes(t.name))
      .map((t) => ({
        id: toolIdOf(server.id, t.name),
        serverId: server.id,
        serverName: server.name,
        name: t.name,
        description: t.description ?? '',
        inputSchema: t.inputSchema as Record<string, unknown>,
      }));
  }

  private viewOf(server: McpServerConfig): McpServerView {
    const connection = this.connections.get(server.id);
    return {
      config: server,
      storedSecrets: this.store.storedSecrets(server),
      state: connection?.state ?? { status: 'stopped', error: null, stderrTail: '', restartAttempt: 0, nextRestartAt: null, httpTransport: null, reconnectedAt: null },
      tools: (connection?.tools ?? []).map((t) => ({
        name: t.name,
        description: t.description ?? '',
        inputSchema: t.inputSchema as Record<string, unknown>,
        enabled: !server.disabledTools.includes(t.name),
      })),
    };
  }

  private patch(id: string, change: (server: McpServerConfig) => McpServerConfig): McpServerConfig {
    const next = this.store.patch(id, change);
    this.changed();
    return next;
  }

  /** Tells windows once per tick, however many states changed in it. */
  private changed(): void {
    const bus = this.options.bus;
    if (!bus || this.changeQueued) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      bus.emit('tools.changed', { servers: this.views() });
    });
  }
}

function withOrWithout(list: string[], item: string, present: boolean): string[] {
  const without = list.filter((x) => x !== item);
  return present ? [...without, item] : without;
}

/** Waiting for a server to start ends at the user's Stop (the start itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
