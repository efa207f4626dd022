/**
 * One MCP server's life: started on first use, its tools listed (and listed again on
 * `notifications/tools/list_changed`), a crashed stdio server restarted with backoff, stopped on
 * request. Every state change is reported through `onChange`; a stale client's late events
 * (after a stop or restart) are ignored by generation.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpServerState, McpTransportConfig } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { redactKnownSecrets } from '../base';
import { crashed, exitedAtStart, messageTooLarge, notMcp, responseTooLarge, serverClosed, startTimeout } from './mcpErrors';
import { isMcpErrorWith, loadedMcpSdk, loadMcpSdk, MAX_STDIO_MESSAGE_BYTES, type McpSdk } from './mcpSdk';
import type { Connected } from './mcpTransports';

/** The stderr kept for the settings page, in characters (the end of it). */
export const STDERR_TAIL_CHARS = 4000;

export interface ConnectionOptions {
  clientVersion: string;
  startTimeoutMs: number;
  /** Waits before restart attempts 1, 2, …; after the last one fails the server is `failed`. */
  restartDelaysMs: number[];
  /** A server that stayed up this long before crashing starts its restart count again. */
  stableAfterMs: number;
  fetch?: FetchLike;
  /** The byte cap on each HTTP answer (MAX_HTTP_RESPONSE_BYTES unless a test sets a smaller one). */
  maxResponseBytes: number;
  now: () => number;
  log: (message: string) => void;
}

const STOPPED: McpServerState = { status: 'stopped', error: null, stderrTail: '', restartAttempt: 0, nextRestartAt: null, httpTransport: null, reconnectedAt: null };

export class McpConnection {
  private stateValue: McpServerState = { ...STOPPED };
  private toolsValue: Tool[] = [];
  private client: Client | null = null;
  private starting: Promise<Client> | null = null;
  private generation = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readySince = 0;
  /** Signs, during one start, that stdout carried something other than MCP or too big a message. */
  private garbageLines = 0;
  private tooLarge = false;
  /** An HTTP answer went past the byte cap during this start or connection. */
  private responseTooLarge = false;

  constructor(
    /** The transport with its secrets filled in, read at each start so edits apply on restart. */
    private readonly transport: () => McpTransportConfig,
    private readonly options: ConnectionOptions,
    private readonly onChange: () => void,
  ) {}

  get state(): McpServerState {
    return { ...this.stateValue, stderrTail: redactKnownSecrets(this.stateValue.stderrTail) };
  }

  get tools(): Tool[] {
    return this.toolsValue;
  }

  /** Why the connection ended, while the server is restarting or failed (for the calls it cut off). */
  closeReason(): AppError | null {
    const { status, error } = this.stateValue;
    return (status === 'restarting' || status === 'failed') && error ? new AppError(error.code, { ...error }) : null;
  }

  /** The connected client, starting the server if it is stopped. A failed or restarting server throws its error. */
  async ready(): Promise<Client> {
    if (this.client) return this.client;
    if (this.starting) return this.starting;
    const reason = this.closeReason();
    if (reason) throw reason;
    return this.start();
  }

  /**
   * After a request on `stale` failed: when the Streamable HTTP session is gone (`lostSession`:
   * the server answered 404 — or 400 "no valid session" — for the session id after a restart, or
   * refused the connection), a new session is opened now (`initialize` and `tools/list` again)
   * and returned. None of those failures reached a tool, so the caller may send its request once
   * more. A new session that cannot be opened is retried with the crash backoff, and the state
   * says why; null for any other failure (the request may have been delivered).
   */
  async recover(stale: Client, err: unknown): Promise<Client | null> {
    // A client exists, so the SDK is loaded.
    const reason = loadedMcpSdk()?.transports.lostSession(err) ?? null;
    if (!reason || this.stateValue.httpTransport !== 'streamableHttp') return null;
    // Another call on the same session got there first: wait for its new session.
    if (this.client !== stale) return this.ready();
    this.generation++;
    this.client = null;
    // The old session's late events are ignored by generation; there is nothing to end on the server.
    void stale.close().catch(() => {});
    const stable = this.options.now() - this.readySince >= this.options.stableAfterMs;
    const attempt = stable ? 0 : this.stateValue.restartAttempt;
    if (attempt >= this.options.restartDelaysMs.length) {
      this.set({ status: 'failed', error: reason.toJSON(), nextRestartAt: null });
      throw reason;
    }
    this.set({ status: 'restarting', error: reason.toJSON(), restartAttempt: attempt + 1, nextRestartAt: this.options.now() });
    const client = await this.start();
    this.set({ reconnectedAt: this.options.now() });
    return client;
  }

  /** Starts (again) now, whatever the state: the user's Restart, or a saved edit. */
  async restart(): Promise<Client> {
    await this.stop();
    return this.start();
  }

  async stop(): Promise<void> {
    this.generation++;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const client = this.client;
    this.client = null;
    this.starting = null;
    const changed = this.stateValue.status !== 'stopped';
    this.stateValue = { ...STOPPED, stderrTail: this.stateValue.stderrTail };
    if (changed) this.onChange();
    // Closing a stdio client ends the child: stdin closed, then SIGTERM, then SIGKILL (the SDK's order).
    await client?.close().catch((err: unknown) => this.options.log(`mcp: closing a server failed: ${String(err)}`));
  }

  private start(): Promise<Client> {
    const generation = ++this.generation;
    this.garbageLines = 0;
    this.tooLarge = false;
    this.responseTooLarge = false;
    this.set({ status: 'starting', error: null, stderrTail: '', nextRestartAt: null, httpTransport: null });
    const starting = this.connect(generation).finally(() => {
      if (this.starting === starting) this.starting = null;
    });
    this.starting = starting;
    // A caller may stop waiting; the failure is in the state either way.
    starting.catch(() => {});
    return starting;
  }

  private async connect(generation: number): Promise<Client> {
    let connected: Connected;
    try {
      connected = await this.open(generation);
    } catch (err) {
      const error = this.startFailure(err);
      if (generation === this.generation) this.failedStart(error);
      throw error;
    }
    const { client } = connected;
    if (generation !== this.generation) {
      await client.close().catch(() => {});
      throw serverClosed();
    }
    try {
      this.toolsValue = await listAllTools(client, this.options.startTimeoutMs);
    } catch (err) {
      await client.close().catch(() => {});
      const error = this.startFailure(err);
      if (generation === this.generation) this.failedStart(error);
      throw error;
    }
    if (generation !== this.generation) {
      await client.close().catch(() => {});
      throw serverClosed();
    }
    this.client = client;
    this.readySince = this.options.now();
    client.onclose = () => this.closed(generation);
    this.set({ status: 'ready', error: null, nextRestartAt: null, httpTransport: connected.httpTransport });
    return client;
  }

  private async open(generation: number): Promise<Connected> {
    const config = this.transport();
    const sdk = await loadMcpSdk();
    const hooks = {
      newClient: () => this.newClient(generation, sdk),
      onStderr: (chunk: string) => this.appendStderr(generation, chunk),
      startTimeoutMs: this.options.startTimeoutMs,
      fetch: this.options.fetch,
      maxResponseBytes: this.options.maxResponseBytes,
      onResponseTooLarge: () => {
        if (generation === this.generation) this.responseTooLarge = true;
      },
    };
    return config.kind === 'stdio' ? sdk.transports.connectStdio(config, hooks) : sdk.transports.connectHttp(config, hooks);
  }

  private newClient(generation: number, sdk: McpSdk): Client {
    const client = new sdk.Client(
      { name: 'Brook', version: this.options.clientVersion },
      {
        capabilities: {},
        listChanged: {
          tools: {
            onChanged: (error, tools) => {
              if (generation !== this.generation) return;
              if (error) this.options.log(`mcp: refreshing the tools list failed: ${redactKnownSecrets(error.message)}`);
              if (tools) {
                this.toolsValue = tools;
                this.onChange();
              }
            },
          },
        },
      },
    );
    client.onerror = (err: Error) => {
      if (generation !== this.generation) return;
      // A line on stdout that is not JSON-RPC (a server printing to stdout): skipped by the SDK, noted here.
      if (err instanceof SyntaxError || err.name === 'ZodError') this.garbageLines++;
      else if (err.message.includes('ReadBuffer exceeded')) this.tooLarge = true;
    };
    return client;
  }

  private appendStderr(generation: number, chunk: string): void {
    if (generation !== this.generation) return;
    const tail = (this.stateValue.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    this.stateValue = { ...this.stateValue, stderrTail: tail };
    // Only a failure shows the tail, so only then is a change worth telling.
    if (this.stateValue.status === 'failed') this.onChange();
  }

  /** Why a start failed, in words the user can act on. */
  private startFailure(err: unknown): AppError {
    if (this.tooLarge) return messageTooLarge(MAX_STDIO_MESSAGE_BYTES / (1024 * 1024));
    if (this.responseTooLarge) return responseTooLarge(this.options.maxResponseBytes);
    if (err instanceof AppError) return err;
    if (isMcpErrorWith(err, 'RequestTimeout')) {
      return this.garbageLines > 0 ? notMcp() : startTimeout(Math.round(this.options.startTimeoutMs / 1000));
    }
    if (isMcpErrorWith(err, 'ConnectionClosed')) {
      return this.garbageLines > 0 ? notMcp() : exitedAtStart();
    }
    if (this.garbageLines > 0) return notMcp();
    return serverClosed(err);
  }

  private failedStart(error: AppError): void {
    const attempt = this.stateValue.restartAttempt;
    // A restart after a crash that fails again waits longer, until the attempts run out.
    if (this.stateValue.status === 'starting' && attempt > 0 && attempt < this.options.restartDelaysMs.length) {
      this.scheduleRestart(attempt, error);
      return;
    }
    this.set({ status: 'failed', error: error.toJSON(), nextRestartAt: null });
  }

  /** The connection ended without our asking: a stdio server crashed (or an HTTP session ended). */
  private closed(generation: number): void {
    if (generation !== this.generation) return;
    this.client = null;
    const error = this.tooLarge
      ? messageTooLarge(MAX_STDIO_MESSAGE_BYTES / (1024 * 1024))
      : this.responseTooLarge
        ? responseTooLarge(this.options.maxResponseBytes)
        : crashed();
    const stable = this.options.now() - this.readySince >= this.options.stableAfterMs;
    // The count survives a successful restart until the server has stayed up a while.
    const attempt = stable ? 0 : this.stateValue.restartAttempt;
    if (attempt >= this.options.restartDelaysMs.length) {
      this.set({ status: 'failed', error: error.toJSON(), nextRestartAt: null });
      return;
    }
    this.scheduleRestart(attempt, error);
  }

  private scheduleRestart(attempt: number, error: AppError): void {
    const delay = this.options.restartDelaysMs[attempt] ?? 0;
    const generation = ++this.generation;
    this.set({ status: 'restarting', error: error.toJSON(), restartAttempt: attempt + 1, nextRestartAt: this.options.now() + delay });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (generation !== this.generation) return;
      this.start().catch(() => {});
    }, delay);
    this.restartTimer.unref?.();
  }

  private set(patch: Partial<McpServerState>): void {
    this.stateValue = { ...this.stateValue, ...patch };
    this.onChange();
  }
}

/** Every page of `tools/list`. */
async function listAllTools(client: Client, timeoutMs: number): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}
