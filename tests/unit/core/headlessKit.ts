/**
 * A whole core behind the headless (browser-mode) server in a temp data folder, with a
 * WebSocket contract client connected the way the page connects: for the tests of the server
 * and of chat turns through it.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createCore, type Core } from '../../../src/main/core/app/createCore';
import { startHeadlessServer, type HeadlessServer } from '../../../src/main/core/servers/headless/headlessServer';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState } from '../../../src/main/core/settings/settingsState';
import { WsContractClient } from '../../support/wsContractClient';

export interface HeadlessCore {
  core: Core;
  server: HeadlessServer;
  dataDir: string;
  client: WsContractClient;
  wsUrl(token?: string): string;
  /** The Origin header the page sends. */
  origin(): { origin: string };
  close(): Promise<void>;
}

export async function startHeadlessCore(): Promise<HeadlessCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-headless-'));
  const core = createCore({
    dataDir,
    settingsBackend: new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'config', projectName: 'brook-test', defaults: { ...defaultState() } }),
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
    chat: { checkpointMs: 200, windowBatchMs: 120 },
    autoTitle: false,
  });
  const server = await startHeadlessServer({ core, rendererDir: join(dataDir, 'no-renderer') });
  const wsUrl = (token = server.token) => `ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(token)}`;
  const origin = () => ({ origin: `http://127.0.0.1:${server.port}` });
  const client = await WsContractClient.connect(wsUrl(), origin());
  return {
    core,
    server,
    dataDir,
    client,
    wsUrl,
    origin,
    async close() {
      client.close();
      await server.close();
      await core.shutdown();
    },
  };
}

/** The status of a plain GET of the page, sent with this Host header (fetch may not set Host). */
export function pageStatus(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

/** A port that was just free: nothing listens there. */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}
