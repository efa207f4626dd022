/**
 * server-filesystem (the reference server) on a temporary folder, started over stdio: listing,
 * writing and reading files; a 5 MB result comes back whole; a result over the transport's
 * message limit is a clear error, and the server is restarted and works again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../src/main/core/settings';
import { McpServerManager, toolIdOf } from '../../../../src/main/core/tools';
import { FILESYSTEM_BIN, waitFor } from './mcpKit';

const managers: McpServerManager[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
});

async function filesystemServer() {
  const dir = mkdtempSync(join(tmpdir(), 'brook-mcp-fs-'));
  const files = mkdtempSync(join(tmpdir(), 'brook-mcp-files-'));
  const manager = new McpServerManager({
    file: join(dir, 'mcp-servers.json'),
    secrets: new FileSecretStore(join(dir, 'keys.json')),
    clientVersion: 'test',
    restartDelaysMs: [100, 200],
  });
  managers.push(manager);
  const { config } = await manager.save({ name: 'files', enabled: true, transport: { kind: 'stdio', command: process.execPath, args: [FILESYSTEM_BIN, files], cwd: '', env: [] } });
  await waitFor(() => manager.view(config.id).state.status === 'ready', 'filesystem server ready');
  const call = (tool: string, args: Record<string, unknown>) => manager.callTool(toolIdOf(config.id, tool), args, { signal: new AbortController().signal, timeoutMs: 30_000 });
  return { manager, id: config.id, files, call };
}

const textOf = (result: { parts: { type: string; text?: string }[] }) => result.parts.map((p) => p.text ?? '').join('');

describe('McpServerManager with server-filesystem on a temp folder', () => {
  it('writes, lists and reads files in the allowed folder only', async () => {
    const { files, call } = await filesystemServer();
    await call('write_file', { path: join(files, 'note.txt'), content: 'written by a tool' });
    expect(readFileSync(join(files, 'note.txt'), 'utf8')).toBe('written by a tool');
    expect(textOf(await call('list_directory', { path: files }))).toContain('note.txt');
    expect(textOf(await call('read_text_file', { path: join(files, 'note.txt') }))).toBe('written by a tool');
    // Outside the folder: the tool's own failure (isError), not a transport error.
    const refused = await call('read_text_file', { path: '/etc/hostname' });
    expect(refused.isError).toBe(true);
  });

  it('returns a 5 MB result whole, and turns one over the message limit into a clear error, then recovers', async () => {
    const { manager, id, files, call } = await filesystemServer();
    const fiveMb = 'x'.repeat(5 * 1024 * 1024);
    writeFileSync(join(files, 'five.txt'), fiveMb);
    expect(textOf(await call('read_text_file', { path: join(files, 'five.txt') })).length).toBe(fiveMb.length);

    writeFileSync(join(files, 'huge.txt'), 'y'.repeat(20 * 1024 * 1024));
    await expect(call('read_text_file', { path: join(files, 'huge.txt') })).rejects.toMatchObject({ messageKey: 'mcp.errors.messageTooLarge', params: { megabytes: 16 } });
    // The connection was closed on purpose; the state says why and the server comes back.
    expect(manager.view(id).state).toMatchObject({ status: 'restarting', error: { messageKey: 'mcp.errors.messageTooLarge' } });
    await waitFor(() => manager.view(id).state.status === 'ready', 'restarted');
    expect(textOf(await call('read_text_file', { path: join(files, 'five.txt') })).length).toBe(fiveMb.length);
  });
});
