/**
 * The tools.* requests through a whole core, validated as IPC and WebSocket validate them: a
 * stdio server added with a secret, started, listed with its tools; no result or event carries
 * the secret; the settings file is the user's only; the core's shutdown stops the server.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { McpServerView } from '../../../../src/shared/contract';
import { startCore } from '../../../support/coreKit';
import { EVERYTHING_BIN, processesWith, waitFor } from './mcpKit';

describe('tools.* requests', { timeout: 45_000 }, () => {
  it('add, list, switch and remove a server through the contract; shutdown stops it', async () => {
    const { core, dataDir, call, events } = startCore();
    const marker = `brook-mcp-core-${process.pid}-${Date.now()}`;
    try {
      const secret = 'core-secret-4f8a1c';
      const saved = await call('tools.saveServer', {
        draft: { name: 'everything', enabled: true, transport: { kind: 'stdio', command: process.execPath, args: [EVERYTHING_BIN, 'stdio', marker], cwd: '', env: [{ name: 'API_TOKEN', value: secret, secret: true }] } },
      });
      const id = saved.config.id;
      const latest = () => (events.filter((e) => e.name === 'tools.changed').at(-1)?.payload as { servers: McpServerView[] } | undefined)?.servers[0];
      await waitFor(() => latest()?.state.status === 'ready', 'tools.changed with the server ready');
      const [listed] = await call('tools.listServers', {});
      expect(listed?.tools.map((t) => t.name)).toContain('echo');
      expect(listed?.storedSecrets).toEqual(['API_TOKEN']);

      const off = await call('tools.setToolEnabled', { serverId: id, tool: 'echo', enabled: false });
      expect(off.tools.find((t) => t.name === 'echo')?.enabled).toBe(false);
      expect((await core.tools.listTools()).map((t) => t.name)).not.toContain('echo');

      // Nothing the window received holds the secret; the file is the user's only.
      expect(JSON.stringify([saved, listed, off, events])).not.toContain(secret);
      expect(statSync(join(dataDir, 'mcp-servers.json')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dataDir, 'mcp-servers.json'), 'utf8')).not.toContain(secret);

      // The contract refuses what the form must not send.
      await expect(call('tools.saveServer', { draft: { name: 'x', enabled: true, transport: { kind: 'http', url: 'file:///etc/passwd', headers: [] } } })).rejects.toThrow();
      await expect(call('tools.removeServer', { id: 'no-such-server' })).rejects.toMatchObject({ messageKey: 'mcp.errors.serverNotFound' });

      expect(processesWith(marker)).toHaveLength(1);
    } finally {
      await core.shutdown();
    }
    expect(processesWith(marker)).toEqual([]);
  });
});
