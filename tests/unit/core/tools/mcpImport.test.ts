/**
 * Importing the `mcpServers` JSON of Claude Desktop and Cursor: stdio and URL entries, secrets
 * recognised by name and kept out of the settings file, names already present skipped, and a
 * broken file refused whole with an error naming the entry.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../src/main/core/settings';
import { McpServerManager } from '../../../../src/main/core/tools';
import { requests } from '../../../../src/shared/contract';

function newManager() {
  const dir = mkdtempSync(join(tmpdir(), 'brook-mcp-import-'));
  return { dir, manager: new McpServerManager({ file: join(dir, 'mcp-servers.json'), secrets: new FileSecretStore(join(dir, 'keys.json')), clientVersion: 'test' }) };
}

const claudeDesktop = {
  mcpServers: {
    filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Desktop'] },
    github: { command: 'docker', args: ['run', '-i', '--rm', 'ghcr.io/github/github-mcp-server'], env: { GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_importedSecret123', LOG_LEVEL: 'info' } },
    remote: { url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer sk-imported-456', 'X-Team': 'blue' } },
    legacy: { type: 'sse', url: 'https://old.example.com/sse', disabled: true },
  },
};

describe('import of the mcpServers JSON', () => {
  it('adds stdio and HTTP servers, with credential-like values as secrets', () => {
    const { manager, dir } = newManager();
    const result = manager.importJson(JSON.stringify(claudeDesktop, null, 2));
    expect(result.added).toEqual(['filesystem', 'github', 'remote', 'legacy']);
    expect(result.skipped).toEqual([]);
    const byName = Object.fromEntries(result.servers.map((s) => [s.config.name, s]));
    expect(byName.filesystem?.config).toMatchObject({ enabled: true, transport: { kind: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/Users/me/Desktop'], cwd: '', env: [] } });
    expect(byName.github?.config.transport).toMatchObject({
      env: [
        { name: 'GITHUB_PERSONAL_ACCESS_TOKEN', value: '', secret: true },
        { name: 'LOG_LEVEL', value: 'info', secret: false },
      ],
    });
    expect(byName.github?.storedSecrets).toEqual(['GITHUB_PERSONAL_ACCESS_TOKEN']);
    expect(byName.remote?.config.transport).toMatchObject({ kind: 'http', url: 'https://mcp.example.com/mcp', headers: [{ name: 'Authorization', value: '', secret: true }, { name: 'X-Team', value: 'blue', secret: false }] });
    expect(byName.legacy?.config).toMatchObject({ enabled: false, transport: { kind: 'http', url: 'https://old.example.com/sse' } });
    // Nothing was started by importing.
    expect(result.servers.every((s) => s.state.status === 'stopped')).toBe(true);
    const file = readFileSync(join(dir, 'mcp-servers.json'), 'utf8');
    expect(file).not.toContain('ghp_importedSecret123');
    expect(file).not.toContain('sk-imported-456');
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toContain('ghp_importedSecret123');
  });

  it('skips names already present, so importing twice adds nothing', () => {
    const { manager } = newManager();
    manager.importJson(JSON.stringify(claudeDesktop));
    const again = manager.importJson(JSON.stringify({ mcpServers: { ...claudeDesktop.mcpServers, extra: { command: 'uvx', args: ['mcp-server-time'] } } }));
    expect(again.added).toEqual(['extra']);
    expect(again.skipped.map((s) => s.name)).toEqual(['filesystem', 'github', 'remote', 'legacy']);
    expect(again.servers).toHaveLength(5);
  });

  it('reads VS Code’s "servers" key too', () => {
    const { manager } = newManager();
    expect(manager.importJson(JSON.stringify({ servers: { time: { command: 'uvx', args: ['mcp-server-time'] } } })).added).toEqual(['time']);
  });

  it.each([
    ['not JSON', '{ "mcpServers": { ', 'mcp.errors.importNotJson', undefined],
    ['no mcpServers', '{ "something": {} }', 'mcp.errors.importNoServers', undefined],
    ['an empty list', '{ "mcpServers": {} }', 'mcp.errors.importNoServers', undefined],
    ['neither command nor url', '{ "mcpServers": { "broken": { "args": ["x"] } } }', 'mcp.errors.importNoCommand', { name: 'broken' }],
    ['args not strings', '{ "mcpServers": { "bad": { "command": "x", "args": [1, 2] } } }', 'mcp.errors.importBadField', { name: 'bad', field: 'args' }],
    ['env not an object', '{ "mcpServers": { "bad": { "command": "x", "env": ["A=1"] } } }', 'mcp.errors.importBadField', { name: 'bad', field: 'env' }],
    ['a URL that is not http', '{ "mcpServers": { "bad": { "url": "ftp://x/y" } } }', 'mcp.errors.importBadField', { name: 'bad', field: 'transport.url' }],
  ])('refuses %s with a clear error and adds nothing', (_what, json, messageKey, params) => {
    const { manager } = newManager();
    const fine = '"ok": { "command": "node" }';
    const withFine = json.includes('"mcpServers": { "') ? json.replace('"mcpServers": { ', `"mcpServers": { ${fine}, `) : json;
    let error: unknown;
    try {
      manager.importJson(withFine);
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: 'bad_request', messageKey, ...(params ? { params } : {}) });
    expect(manager.views()).toEqual([]);
  });

  it('caps the pasted text in the contract', () => {
    expect(requests['tools.importJson'].args.safeParse({ json: 'x'.repeat(256 * 1024 + 1) }).success).toBe(false);
  });
});
