/**
 * Servers that go wrong, each a real process: a command that does not exist, one that exits at
 * once, one that writes garbage to stdout (alone, and before a real server), one that crashes
 * while running (restarted with backoff). Each is a clear, translated state or error; secrets in
 * its stderr are redacted; and the manager keeps serving the good server beside it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore, rememberingSecrets } from '../../../../src/main/core/settings';
import { McpServerManager, toolIdOf } from '../../../../src/main/core/tools';
import type { McpStdioConfig } from '../../../../src/shared/contract';
import { TEXTS } from '../../../../src/shared/i18n/resources';
import { EVERYTHING_BIN, processesWith, waitFor } from './mcpKit';

const managers: McpServerManager[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.shutdown()));
});

function newManager() {
  const dir = mkdtempSync(join(tmpdir(), 'brook-mcp-bad-'));
  const manager = new McpServerManager({
    file: join(dir, 'mcp-servers.json'),
    secrets: rememberingSecrets(new FileSecretStore(join(dir, 'keys.json'))),
    clientVersion: 'test',
    startTimeoutMs: 2_000,
    restartDelaysMs: [100, 200],
    stableAfterMs: 60_000,
  });
  managers.push(manager);
  return { manager, dir };
}

const stdio = (command: string, args: string[], env: McpStdioConfig['env'] = []): McpStdioConfig => ({ kind: 'stdio', command, args, cwd: '', env });
const node = (script: string, env: McpStdioConfig['env'] = []) => stdio(process.execPath, ['-e', script], env);
const everything = (marker = 'plain') => stdio(process.execPath, [EVERYTHING_BIN, 'stdio', marker]);
const settled = (manager: McpServerManager, id: string) => waitFor(() => !['starting', 'restarting'].includes(manager.view(id).state.status), 'a settled state');
const opts = () => ({ signal: new AbortController().signal, timeoutMs: 10_000 });

function expectTranslated(key: string) {
  const [section, group, name] = key.split('.') as ['mcp', 'errors', string];
  expect(section).toBe('mcp');
  expect(TEXTS.en.mcp[group][name as keyof (typeof TEXTS.en.mcp)['errors']]).toBeTruthy();
  expect(TEXTS['zh-CN'].mcp[group][name as keyof (typeof TEXTS.en.mcp)['errors']]).toBeTruthy();
}

describe('MCP servers that misbehave', () => {
  it('a missing command, an instant exit and garbage on stdout each fail clearly while a good server keeps working', async () => {
    const { manager } = newManager();
    const good = await manager.save({ name: 'good', enabled: true, transport: everything() });
    const missing = await manager.save({ name: 'missing', enabled: true, transport: stdio('brook-no-such-command-4711', ['--x']) });
    const exits = await manager.save({ name: 'exits', enabled: true, transport: node("console.error('fatal: no config file'); process.exit(3)") });
    const garbage = await manager.save({ name: 'garbage', enabled: true, transport: node("setInterval(() => console.log('hello, I am not JSON-RPC'), 20)") });
    for (const s of [good, missing, exits, garbage]) await settled(manager, s.config.id);

    expect(manager.view(missing.config.id).state).toMatchObject({ status: 'failed', error: { messageKey: 'mcp.errors.commandNotFound', params: { command: 'brook-no-such-command-4711' } } });
    const exited = manager.view(exits.config.id).state;
    expect(exited).toMatchObject({ status: 'failed', error: { messageKey: 'mcp.errors.exitedAtStart' } });
    expect(exited.stderrTail).toContain('fatal: no config file');
    expect(manager.view(garbage.config.id).state).toMatchObject({ status: 'failed', error: { messageKey: 'mcp.errors.notMcp' } });
    for (const key of ['mcp.errors.commandNotFound', 'mcp.errors.exitedAtStart', 'mcp.errors.notMcp']) expectTranslated(key);

    // Only the good server's tools are offered; a call to a failed one says why.
    expect(new Set((await manager.listTools()).map((t) => t.serverId))).toEqual(new Set([good.config.id]));
    await expect(manager.callTool(toolIdOf(missing.config.id, 'anything'), {}, opts())).rejects.toMatchObject({ messageKey: 'mcp.errors.commandNotFound' });
    expect((await manager.callTool(toolIdOf(good.config.id, 'echo'), { message: 'fine' }, opts())).parts[0]).toEqual({ type: 'text', text: 'Echo: fine' });
  });

  it('skips garbage lines before a real server and works', async () => {
    const { manager } = newManager();
    const noisy = stdio('sh', ['-c', `echo 'starting up...'; echo '{not json'; exec "${process.execPath}" "${EVERYTHING_BIN}" stdio`]);
    const { config } = await manager.save({ name: 'noisy', enabled: true, transport: noisy });
    await settled(manager, config.id);
    expect(manager.view(config.id).state.status).toBe('ready');
    expect((await manager.callTool(toolIdOf(config.id, 'echo'), { message: 'ok' }, opts())).parts[0]).toEqual({ type: 'text', text: 'Echo: ok' });
  });

  it('restarts a crashed server with backoff, telling the state, and gives up after the last attempt', async () => {
    const { manager } = newManager();
    const marker = `brook-mcp-crash-${process.pid}-${Date.now()}`;
    const { config } = await manager.save({ name: 'crashy', enabled: true, transport: everything(marker) });
    await settled(manager, config.id);
    const [first] = processesWith(marker);
    expect(first).toEqual(expect.any(Number));
    process.kill(first as number, 'SIGKILL');
    await waitFor(() => manager.view(config.id).state.status === 'restarting', 'restarting');
    expect(manager.view(config.id).state).toMatchObject({ error: { messageKey: 'mcp.errors.crashed' }, restartAttempt: 1, nextRestartAt: expect.any(Number) });
    await waitFor(() => manager.view(config.id).state.status === 'ready', 'back up');
    expect((await manager.callTool(toolIdOf(config.id, 'echo'), { message: 'again' }, opts())).parts[0]).toEqual({ type: 'text', text: 'Echo: again' });

    // Crashing again soon after: the next, longer wait; after the last attempt it stays failed.
    for (const attempt of [2, 3]) {
      const [pid] = processesWith(marker);
      process.kill(pid as number, 'SIGKILL');
      if (attempt === 2) {
        await waitFor(() => manager.view(config.id).state.restartAttempt === 2, 'second restart');
        await waitFor(() => manager.view(config.id).state.status === 'ready', 'back up again');
      }
    }
    await waitFor(() => manager.view(config.id).state.status === 'failed', 'given up');
    expect(manager.view(config.id).state.error).toMatchObject({ messageKey: 'mcp.errors.crashed' });
    expect(processesWith(marker)).toEqual([]);
  });

  it('keeps secret env values out of the settings file, the view and the stderr tail, but gives them to the server', async () => {
    const { manager, dir } = newManager();
    const token = { name: 'BROOK_TEST_TOKEN', value: 'tok-5ecret-value', secret: true };
    const plain = { name: 'BROOK_PLAIN', value: 'visible', secret: false };
    const env = [token, plain];
    const { config } = await manager.save({ name: 'env', enabled: true, transport: { ...everything(), env } });
    await settled(manager, config.id);
    const printed = await manager.callTool(toolIdOf(config.id, 'get-env'), {}, opts());
    expect(JSON.stringify(printed)).toContain('tok-5ecret-value');
    expect(readFileSync(join(dir, 'mcp-servers.json'), 'utf8')).not.toContain('tok-5ecret-value');
    const view = manager.view(config.id);
    expect(JSON.stringify(view)).not.toContain('tok-5ecret-value');
    expect(view.storedSecrets).toEqual(['BROOK_TEST_TOKEN']);
    expect(view.config.transport).toMatchObject({ env: [{ name: 'BROOK_TEST_TOKEN', value: '', secret: true }, { name: 'BROOK_PLAIN', value: 'visible', secret: false }] });

    // Saving the form again with the secret left empty keeps it; another command needs it typed again.
    await manager.save({ id: config.id, name: 'env', enabled: false, transport: { ...everything(), env: [{ ...token, value: '' }, plain] } });
    expect(manager.view(config.id).storedSecrets).toEqual(['BROOK_TEST_TOKEN']);
    await expect(manager.save({ id: config.id, name: 'env', enabled: false, transport: { ...stdio('other-command', []), env: [{ ...token, value: '' }] } })).rejects.toMatchObject({
      messageKey: 'mcp.errors.reenterSecrets',
    });

    // A server that prints its secret to stderr before dying: the tail shows it redacted.
    const leaky = await manager.save({ name: 'leaky', enabled: true, transport: node('console.error("token is " + process.env.LEAK); process.exit(1)', [{ name: 'LEAK', value: 'leak-9c1a2b7e', secret: true }]) });
    await settled(manager, leaky.config.id);
    const tail = manager.view(leaky.config.id).state.stderrTail;
    expect(tail).toContain('token is');
    expect(tail).not.toContain('leak-9c1a2b7e');
  });
});
