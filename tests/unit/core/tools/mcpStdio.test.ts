/**
 * The MCP server manager against the real reference server (@modelcontextprotocol/server-everything)
 * over stdio, started by the manager as a child process: lazy start, tools, echo and sum, the
 * image tool, progress, cancellation (the call ends at once, the connection lives on), a timeout,
 * the switches and always-allow, and shutdown leaving no process behind.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../../../src/main/core/base';
import { FileSecretStore } from '../../../../src/main/core/settings';
import { McpServerManager, toolIdOf } from '../../../../src/main/core/tools';
import { eventSchemas, type McpServerView } from '../../../../src/shared/contract';
import { EVERYTHING_BIN, processesWith, waitFor } from './mcpKit';

const managers: McpServerManager[] = [];

function newManager(bus?: EventBus) {
  const dir = mkdtempSync(join(tmpdir(), 'brook-mcp-'));
  const manager = new McpServerManager({ file: join(dir, 'mcp-servers.json'), secrets: new FileSecretStore(join(dir, 'keys.json')), bus, clientVersion: 'test' });
  managers.push(manager);
  return { manager, dir };
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
});

const everything = { kind: 'stdio' as const, command: process.execPath, args: [EVERYTHING_BIN, 'stdio'], cwd: '', env: [] };
const call = (manager: McpServerManager, id: string, tool: string, args: Record<string, unknown>, extra: Partial<Parameters<McpServerManager['callTool']>[2]> = {}) =>
  manager.callTool(toolIdOf(id, tool), args, { signal: new AbortController().signal, timeoutMs: 20_000, ...extra });

describe('McpServerManager over stdio with server-everything', () => {
  it('starts lazily, lists the tools and calls echo, get-sum and the image tool', async () => {
    const { manager } = newManager();
    // Imported servers are not started: nothing runs until a tool is wanted.
    const { added } = manager.importJson(JSON.stringify({ mcpServers: { everything: { command: process.execPath, args: [EVERYTHING_BIN, 'stdio'] } } }));
    expect(added).toEqual(['everything']);
    const id = manager.views()[0]?.config.id ?? '';
    expect(manager.view(id).state.status).toBe('stopped');

    const tools = await manager.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-tiny-image', 'trigger-long-running-operation']));
    const echo = tools.find((t) => t.name === 'echo');
    expect(echo).toMatchObject({ id: `${id}/echo`, serverId: id, serverName: 'everything' });
    expect(echo?.inputSchema).toMatchObject({ type: 'object', properties: { message: expect.any(Object) } });
    expect(manager.view(id).state.status).toBe('ready');

    expect(await call(manager, id, 'echo', { message: 'hello from Brook' })).toEqual({ parts: [{ type: 'text', text: 'Echo: hello from Brook' }], isError: false });
    const sum = await call(manager, id, 'get-sum', { a: 2, b: 40 });
    expect(sum.parts[0]).toMatchObject({ type: 'text', text: expect.stringContaining('42') });
    const image = await call(manager, id, 'get-tiny-image', {});
    const picture = image.parts.find((p) => p.type === 'image');
    expect(picture).toMatchObject({ type: 'image', mimeType: 'image/png' });
    expect(Buffer.from(picture?.type === 'image' ? picture.data : '', 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('reports progress, and a Stop cancels the call at once', async () => {
    const { manager } = newManager();
    const view = await manager.save({ name: 'everything', enabled: true, transport: everything });
    await waitFor(() => manager.view(view.config.id).state.status === 'ready', 'server ready');
    const id = view.config.id;

    const progress: [number, number | undefined][] = [];
    const done = await call(manager, id, 'trigger-long-running-operation', { duration: 0.6, steps: 3 }, { onProgress: (p, total) => progress.push([p, total]) });
    // The last notification may lose the race with the result (the SDK drops progress once answered).
    expect(progress.slice(0, 2)).toEqual([[1, 3], [2, 3]]);
    expect(done.parts[0]).toMatchObject({ type: 'text', text: expect.stringContaining('completed') });

    const stop = new AbortController();
    const started = Date.now();
    const cancelled = call(manager, id, 'trigger-long-running-operation', { duration: 30, steps: 30 }, { signal: stop.signal, onProgress: () => stop.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(10_000);
    // The connection survives a cancelled call.
    expect((await call(manager, id, 'echo', { message: 'still here' })).parts[0]).toEqual({ type: 'text', text: 'Echo: still here' });
  });

  it('times a hanging call out with a translated error', async () => {
    const { manager } = newManager();
    const view = await manager.save({ name: 'everything', enabled: true, transport: everything });
    await waitFor(() => manager.view(view.config.id).state.status === 'ready', 'server ready');
    await expect(call(manager, view.config.id, 'trigger-long-running-operation', { duration: 30, steps: 2 }, { timeoutMs: 300 })).rejects.toMatchObject({
      code: 'timeout',
      messageKey: 'mcp.errors.toolTimeout',
    });
  });

  it('honours the tool and server switches and remembers always-allow until revoked', async () => {
    const bus = new EventBus();
    const payloads: unknown[] = [];
    bus.on((name, payload) => {
      if (name === 'tools.changed') payloads.push(payload);
    });
    const { manager, dir } = newManager(bus);
    const { config } = await manager.save({ name: 'everything', enabled: true, transport: everything });
    await waitFor(() => manager.view(config.id).state.status === 'ready', 'server ready');
    // What a browser-mode window checks every event against keeps every field.
    const seen = payloads.map((payload) => {
      expect(eventSchemas['tools.changed'].parse(payload)).toEqual(payload);
      return (payload as { servers: McpServerView[] }).servers;
    });
    expect(seen.some((servers) => servers[0]?.state.status === 'ready' && servers[0].tools.length > 0)).toBe(true);

    manager.setToolEnabled(config.id, 'echo', false);
    expect((await manager.listTools()).map((t) => t.name)).not.toContain('echo');
    await expect(call(manager, config.id, 'echo', { message: 'x' })).rejects.toMatchObject({ messageKey: 'mcp.errors.toolUnavailable' });
    expect(manager.view(config.id).tools.find((t) => t.name === 'echo')?.enabled).toBe(false);

    const echoId = toolIdOf(config.id, 'echo');
    expect(manager.isAlwaysAllowed(echoId)).toBe(false);
    await manager.setAlwaysAllowed(echoId, true);
    // Stored: a new manager on the same file remembers it.
    const again = new McpServerManager({ file: join(dir, 'mcp-servers.json'), secrets: new FileSecretStore(join(dir, 'keys.json')), clientVersion: 'test' });
    managers.push(again);
    expect(again.isAlwaysAllowed(echoId)).toBe(true);
    manager.revokeAlwaysAllow(config.id, 'echo');
    expect(manager.isAlwaysAllowed(echoId)).toBe(false);

    // A selection without the server offers none of its tools; a disabled server is stopped.
    expect(await manager.listTools({ serverIds: [] })).toEqual([]);
    await manager.setServerEnabled(config.id, false);
    expect(manager.view(config.id).state.status).toBe('stopped');
    expect(await manager.listTools()).toEqual([]);
  });

  it('lists the tools again on notifications/tools/list_changed', async () => {
    // server-everything registers its client-dependent tools once initialized and then sends
    // tools/list_changed (with the same list for a client without roots/sampling): the manager
    // lists again and tells the windows, with nothing else happening.
    const bus = new EventBus();
    let changesAfterReady = 0;
    let ready = false;
    bus.on((name, payload) => {
      if (name !== 'tools.changed') return;
      const status = (payload as { servers: McpServerView[] }).servers[0]?.state.status;
      if (ready && status === 'ready') changesAfterReady++;
      if (status === 'ready') ready = true;
    });
    const { manager } = newManager(bus);
    const { config } = await manager.save({ name: 'everything', enabled: true, transport: everything });
    await waitFor(() => changesAfterReady > 0, 'a tools.changed after ready');
    expect(manager.view(config.id).tools.map((t) => t.name)).toContain('simulate-research-query');
  });

  it('stops every server on shutdown, leaving no process running', async () => {
    const { manager } = newManager();
    const marker = `brook-mcp-shutdown-${process.pid}-${Date.now()}`;
    const { config } = await manager.save({ name: 'everything', enabled: true, transport: { ...everything, args: [EVERYTHING_BIN, 'stdio', marker] } });
    await waitFor(() => manager.view(config.id).state.status === 'ready', 'server ready');
    expect(processesWith(marker)).toHaveLength(1);
    await manager.shutdown();
    expect(manager.view(config.id).state.status).toBe('stopped');
    expect(processesWith(marker)).toEqual([]);
  });
});
