/**
 * Browser mode serves the page before the core has loaded (issue #13, cold start): a window
 * that connects meanwhile waits in its handshake and is answered once the core is there; a
 * core that fails to start lets waiting windows go instead of holding them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/core/app/createCore';
import { startHeadlessServer, type HeadlessServer } from '../../../src/main/core/servers/headless/headlessServer';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState } from '../../../src/main/core/settings/settingsState';
import { WsContractClient } from '../../support/wsContractClient';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function newCore(dataDir: string): Core {
  return createCore({
    dataDir,
    settingsBackend: new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'config', projectName: 'brook-test', defaults: { ...defaultState() } }),
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
    autoTitle: false,
  });
}

function getPage(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function serverWithLateCore() {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-startup-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'brook-startup-page-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Brook</title>');
  const core = deferred<Core>();
  const server: HeadlessServer = await startHeadlessServer({ core: core.promise, rendererDir });
  cleanup.push(() => server.close());
  const wsUrl = `ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(server.token)}`;
  const origin = { origin: `http://127.0.0.1:${server.port}` };
  return { dataDir, server, core, connect: () => WsContractClient.connect(wsUrl, origin) };
}

describe('browser mode while the core is still loading', () => {
  it('serves the page at once, holds a window in its handshake, and answers it once the core is there', async () => {
    const { dataDir, server, core, connect } = await serverWithLateCore();
    expect(await getPage(server.port)).toEqual({ status: 200, body: '<!doctype html><title>Brook</title>' });

    let opened = false;
    const connecting = connect().then((client) => ((opened = true), client));
    await new Promise((r) => setTimeout(r, 150));
    expect(opened).toBe(false);

    const ready = newCore(dataDir);
    cleanup.push(() => ready.shutdown());
    core.resolve(ready);
    const client = await connecting;
    cleanup.push(() => client.close());
    expect((await client.request('app.info', {})).mode).toBe('browser');
  });

  it('still checks the token before holding a window', async () => {
    const { server } = await serverWithLateCore();
    const wrong = `ws://127.0.0.1:${server.port}/ws?token=wrong`;
    await expect(WsContractClient.connect(wrong, { origin: `http://127.0.0.1:${server.port}` })).rejects.toThrow('HTTP 401');
  });

  it('lets a waiting window go when the core fails to start', async () => {
    const { core, connect } = await serverWithLateCore();
    const connecting = connect();
    core.reject(new Error('the data folder is in use'));
    await expect(connecting).rejects.toThrow();
  });

  it('closing the server lets go of windows still waiting', async () => {
    const { server, connect } = await serverWithLateCore();
    const connecting = connect();
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    await expect(connecting).rejects.toThrow();
  });
});
