/**
 * A Streamable HTTP session the server drops, against the real server-everything: the server is
 * killed and started again on the same port between two calls, and the next call works without a
 * Restart (the old session id gets "no valid session", a new session is opened, the call is sent
 * once more); with the server still down the call fails clearly, the state says it is restarting
 * with backoff, and once the server is back the tools answer again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../src/main/core/settings';
import { McpServerManager, toolIdOf } from '../../../../src/main/core/tools';
import type { McpServerState } from '../../../../src/shared/contract';
import { AppError } from '../../../../src/shared/errors';
import { startEverythingHttp, waitFor } from './mcpKit';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(restartDelaysMs: number[]) {
  let server = await startEverythingHttp('streamableHttp');
  const dir = mkdtempSync(join(tmpdir(), 'brook-mcp-session-'));
  const manager = new McpServerManager({ file: join(dir, 'mcp-servers.json'), secrets: new FileSecretStore(join(dir, 'keys.json')), clientVersion: 'test', startTimeoutMs: 10_000, restartDelaysMs });
  cleanups.push(() => manager.shutdown(), () => server.stop());
  const { config } = await manager.save({ name: 'everything', enabled: true, transport: { kind: 'http', url: server.url, headers: [] } });
  await waitFor(() => manager.view(config.id).state.status === 'ready', 'ready');
  const echo = (message: string) => manager.callTool(toolIdOf(config.id, 'echo'), { message }, { signal: new AbortController().signal, timeoutMs: 10_000 });
  const state = (): McpServerState => manager.view(config.id).state;
  const restart = async (down?: () => Promise<void>) => {
    await server.stop();
    await down?.();
    server = await startEverythingHttp('streamableHttp', server.port);
  };
  return { echo, state, restart, stop: () => server.stop() };
}

describe('a dropped Streamable HTTP session', { timeout: 60_000 }, () => {
  it('is opened again on its own when the server restarted: the next call works without Restart', async () => {
    const s = await setup([1_000, 2_000]);
    expect(await s.echo('before')).toMatchObject({ parts: [{ type: 'text', text: 'Echo: before' }] });
    expect(s.state().reconnectedAt).toBeNull();
    await s.restart();
    expect(await s.echo('after')).toMatchObject({ parts: [{ type: 'text', text: 'Echo: after' }] });
    expect(s.state()).toMatchObject({ status: 'ready', error: null, reconnectedAt: expect.any(Number), restartAttempt: 1 });
    // And it stays working on the new session.
    expect(await s.echo('again')).toMatchObject({ parts: [{ type: 'text', text: 'Echo: again' }] });
  });

  it('with the server still down: the call fails clearly, the state says restarting, and it comes back with backoff', async () => {
    const s = await setup([300, 600, 1_200, 2_400]);
    await s.echo('before');
    let failure: unknown = null;
    await s.restart(async () => {
      failure = await s.echo('while down').then(
        () => null,
        (err: unknown) => err,
      );
      expect(s.state()).toMatchObject({ status: 'restarting', error: { messageKey: 'mcp.errors.unreachable' } });
    });
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).toJSON()).toMatchObject({ code: 'network', messageKey: 'mcp.errors.unreachable' });
    await waitFor(() => s.state().status === 'ready', 'ready again after backoff');
    expect(await s.echo('back')).toMatchObject({ parts: [{ type: 'text', text: 'Echo: back' }] });
  });
});
