/**
 * The manager against server-everything over HTTP, each mode started as its own process:
 * Streamable HTTP, and the older HTTP+SSE transport reached through the fallback when the
 * Streamable HTTP handshake gets a 4xx. A secret header is kept in the secret store, never in the
 * settings file or the view.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../src/main/core/settings';
import { McpServerManager, toolIdOf } from '../../../../src/main/core/tools';
import { startEverythingHttp, waitFor } from './mcpKit';

let streamable: Awaited<ReturnType<typeof startEverythingHttp>>;
let sse: Awaited<ReturnType<typeof startEverythingHttp>>;
const managers: McpServerManager[] = [];

beforeAll(async () => {
  [streamable, sse] = await Promise.all([startEverythingHttp('streamableHttp'), startEverythingHttp('sse')]);
}, 30_000);
afterAll(() => {
  streamable.close();
  sse.close();
});
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
});

function newManager() {
  const dir = mkdtempSync(join(tmpdir(), 'brook-mcp-http-'));
  const manager = new McpServerManager({ file: join(dir, 'mcp-servers.json'), secrets: new FileSecretStore(join(dir, 'keys.json')), clientVersion: 'test', startTimeoutMs: 10_000 });
  managers.push(manager);
  return { manager, dir };
}

const opts = (extra: Partial<Parameters<McpServerManager['callTool']>[2]> = {}) => ({ signal: new AbortController().signal, timeoutMs: 20_000, ...extra });

describe('McpServerManager over HTTP with server-everything', () => {
  it('speaks Streamable HTTP: tools, echo, progress and cancel', async () => {
    const { manager, dir } = newManager();
    const headers = [{ name: 'Authorization', value: 'Bearer brook-test-secret', secret: true }];
    const { config } = await manager.save({ name: 'everything-http', enabled: true, transport: { kind: 'http', url: streamable.url, headers } });
    await waitFor(() => manager.view(config.id).state.status !== 'starting', 'connected');
    const view = manager.view(config.id);
    expect(view.state).toMatchObject({ status: 'ready', httpTransport: 'streamableHttp' });
    expect(view.tools.map((t) => t.name)).toContain('echo');
    // The secret header is in the secret store, not in the settings file nor the view.
    expect(readFileSync(join(dir, 'mcp-servers.json'), 'utf8')).not.toContain('brook-test-secret');
    expect(JSON.stringify(view)).not.toContain('brook-test-secret');
    expect(view.storedSecrets).toEqual(['Authorization']);

    expect(await manager.callTool(toolIdOf(config.id, 'echo'), { message: 'over http' }, opts())).toEqual({
      parts: [{ type: 'text', text: 'Echo: over http' }],
      isError: false,
    });
    const progress: number[] = [];
    await manager.callTool(toolIdOf(config.id, 'trigger-long-running-operation'), { duration: 0.6, steps: 3 }, opts({ onProgress: (p) => progress.push(p) }));
    // The last notification may lose the race with the result (the SDK drops progress once answered).
    expect(progress.slice(0, 2)).toEqual([1, 2]);

    const stop = new AbortController();
    const cancelled = manager.callTool(toolIdOf(config.id, 'trigger-long-running-operation'), { duration: 30, steps: 30 }, opts({ signal: stop.signal, onProgress: () => stop.abort() }));
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect((await manager.callTool(toolIdOf(config.id, 'get-sum'), { a: 1, b: 2 }, opts())).parts[0]).toMatchObject({ text: expect.stringContaining('3') });
  });

  it('falls back to HTTP+SSE for a server that only speaks that', async () => {
    const { manager } = newManager();
    const { config } = await manager.save({ name: 'everything-sse', enabled: true, transport: { kind: 'http', url: sse.url, headers: [] } });
    await waitFor(() => manager.view(config.id).state.status !== 'starting', 'connected');
    expect(manager.view(config.id).state).toMatchObject({ status: 'ready', httpTransport: 'sse' });
    const image = await manager.callTool(toolIdOf(config.id, 'get-tiny-image'), {}, opts());
    expect(image.parts.map((p) => p.type)).toEqual(['text', 'image', 'text']);
  });

  it('says clearly when nothing listens at the URL, and keeps working for the others', async () => {
    const { manager } = newManager();
    const dead = await manager.save({ name: 'nobody', enabled: true, transport: { kind: 'http', url: 'http://127.0.0.1:9/mcp', headers: [] } });
    const alive = await manager.save({ name: 'everything-http', enabled: true, transport: { kind: 'http', url: streamable.url, headers: [] } });
    await waitFor(() => manager.view(dead.config.id).state.status === 'failed', 'failed');
    expect(manager.view(dead.config.id).state.error).toMatchObject({ code: 'network', messageKey: 'mcp.errors.unreachable' });
    const tools = await manager.listTools();
    expect(new Set(tools.map((t) => t.serverId))).toEqual(new Set([alive.config.id]));
  });
});
