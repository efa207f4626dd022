/**
 * The byte cap on MCP HTTP answers, against a hostile server of our own (tests/fixtures/
 * hostileMcpServer.ts): an `initialize` answered with a JSON body that never ends, and a tool call
 * answered with an SSE stream that never ends. Each stops at the cap with the translated error
 * naming the limit, the flooding connection is closed, and the manager keeps working.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../src/main/core/settings';
import { McpServerManager, toolIdOf } from '../../../../src/main/core/tools';
import { sizeText } from '../../../../src/main/core/tools/mcpHttpCap';
import { AppError } from '../../../../src/shared/errors';
import { startHostileMcpServer, type HostileMcpServer } from '../../../fixtures/hostileMcpServer';
import { waitFor } from './mcpKit';

const CAP = 256 * 1024;
let hostile: HostileMcpServer;
const managers: McpServerManager[] = [];

beforeAll(async () => {
  hostile = await startHostileMcpServer();
});
afterAll(() => hostile.close());
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
});

function newManager() {
  const dir = mkdtempSync(join(tmpdir(), 'brook-mcp-cap-'));
  const manager = new McpServerManager({
    file: join(dir, 'mcp-servers.json'),
    secrets: new FileSecretStore(join(dir, 'keys.json')),
    clientVersion: 'test',
    startTimeoutMs: 10_000,
    maxHttpResponseBytes: CAP,
    // One quick restart after the flood, then failed: enough to see both.
    restartDelaysMs: [50],
  });
  managers.push(manager);
  return manager;
}

describe('the byte cap on MCP HTTP answers', { timeout: 30_000 }, () => {
  it('names the limit in the error', () => {
    expect(sizeText(CAP)).toBe('256 KB');
    expect(sizeText(32 * 1024 * 1024)).toBe('32 MB');
  });

  it('an endless JSON answer to initialize fails the start with the limit, and the connection is closed', async () => {
    const manager = newManager();
    const { config } = await manager.save({ name: 'huge', enabled: true, transport: { kind: 'http', url: `${hostile.url}/mcp/huge-start`, headers: [] } });
    await waitFor(() => manager.view(config.id).state.status === 'failed', 'failed');
    expect(manager.view(config.id).state.error).toMatchObject({ code: 'provider', messageKey: 'mcp.errors.responseTooLarge', params: { limit: '256 KB' } });
    await waitFor(() => hostile.open() === 0, 'the flood hung up on');
  });

  it('an endless SSE answer to a tool call fails that call with the limit; the server is restarted and answers again', async () => {
    const manager = newManager();
    const { config } = await manager.save({ name: 'flood', enabled: true, transport: { kind: 'http', url: `${hostile.url}/mcp/flood`, headers: [] } });
    await waitFor(() => manager.view(config.id).state.status === 'ready', 'ready');
    const call = manager.callTool(toolIdOf(config.id, 'flood'), {}, { signal: new AbortController().signal, timeoutMs: 20_000 });
    const error = await call.then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toJSON()).toMatchObject({ messageKey: 'mcp.errors.responseTooLarge', params: { limit: '256 KB' } });
    await waitFor(() => hostile.open() === 0, 'the flood hung up on');
    // The connection was closed with the reason, and restarted with backoff: the tools are back.
    await waitFor(() => manager.view(config.id).state.status === 'ready', 'ready again');
    expect(manager.view(config.id).state.restartAttempt).toBe(1);
    expect((await manager.listTools()).map((t) => t.name)).toEqual(['flood']);
  });
});
