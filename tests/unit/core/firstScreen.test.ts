/**
 * Browser mode starts loading the core only once the first window's page and the files it
 * names are out (issue #13, cold start): loading the core blocks the server's thread, and begun
 * at once it held the page's files back.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesNamedBy, FIRST_PAGE_WAIT_MS } from '../../../src/main/core/servers/headless/firstScreen';
import { startHeadlessServer, type HeadlessServer } from '../../../src/main/core/servers/headless/headlessServer';
import type { HeadlessCore } from '../../../src/main/core/servers/headless/windowSession';
import { WsContractClient } from '../../support/wsContractClient';

const PAGE = `<!doctype html><head>
<script type="module" crossorigin src="./assets/index-1.js"></script>
<link rel="modulepreload" crossorigin href="./assets/vendor-2.js">
<link rel="stylesheet" crossorigin href="./assets/style-3.css">
<link rel="icon" href="data:," />
</head><body><div id="root"></div></body>`;

function fetchFile(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

/** Whether the promise has settled, after letting pending I/O callbacks run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 20));
  return done;
}

const servers: HeadlessServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(): Promise<HeadlessServer> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'brook-first-screen-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), PAGE);
  for (const name of ['index-1.js', 'vendor-2.js', 'style-3.css']) writeFileSync(join(rendererDir, 'assets', name), `/* ${name} */`);
  // Never there: these tests are about what happens before the core.
  const core = new Promise<HeadlessCore>(() => {});
  const server = await startHeadlessServer({ core, rendererDir });
  servers.push(server);
  return server;
}

describe('the first screen, before the core loads', () => {
  it('reads the files a built page names', () => {
    expect(filesNamedBy(PAGE)).toEqual(['assets/index-1.js', 'assets/vendor-2.js', 'assets/style-3.css']);
  });

  it('is sent once the page and every file it names have gone out, not before', async () => {
    const server = await serve();
    expect(await fetchFile(server.port, '/')).toBe(200);
    expect(await fetchFile(server.port, '/assets/index-1.js')).toBe(200);
    expect(await fetchFile(server.port, '/assets/vendor-2.js')).toBe(200);
    // Past the wait for a page: only the page's last file may end it now.
    await new Promise((r) => setTimeout(r, FIRST_PAGE_WAIT_MS + 50));
    expect(await settled(server.firstScreenSent)).toBe(false);
    expect(await fetchFile(server.port, '/assets/style-3.css')).toBe(200);
    expect(await settled(server.firstScreenSent)).toBe(true);
  });

  it('does not wait for a page nobody asks for', async () => {
    const server = await serve();
    expect(await settled(server.firstScreenSent)).toBe(false);
    await new Promise((r) => setTimeout(r, FIRST_PAGE_WAIT_MS + 50));
    expect(await settled(server.firstScreenSent)).toBe(true);
  });

  it('is over as soon as a window knocks with its token', async () => {
    const server = await serve();
    expect(await fetchFile(server.port, '/')).toBe(200);
    const url = `ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(server.token)}`;
    // Held in its handshake (the core never comes); closing the server lets it go.
    const connecting = WsContractClient.connect(url, { origin: `http://127.0.0.1:${server.port}` }).catch(() => null);
    await new Promise((r) => setTimeout(r, 50));
    expect(await settled(server.firstScreenSent)).toBe(true);
    await server.close();
    servers.length = 0;
    await connecting;
  });

  it('a knock without the token does not count', async () => {
    const server = await serve();
    expect(await fetchFile(server.port, '/')).toBe(200);
    await expect(WsContractClient.connect(`ws://127.0.0.1:${server.port}/ws?token=wrong`, { origin: `http://127.0.0.1:${server.port}` })).rejects.toThrow('HTTP 401');
    expect(await settled(server.firstScreenSent)).toBe(false);
  });
});
