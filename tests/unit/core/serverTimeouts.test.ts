/**
 * Slow clients cannot hold Brook's local servers: a request must arrive whole in time and an
 * idle kept-alive connection is closed. The limits are shortened here so the test is quick;
 * the defaults are checked to be finite.
 */
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app/createCore';
import { DEFAULT_SERVER_TIMEOUTS } from '../../../src/main/core/net';
import { startHeadlessServer, type HeadlessServer } from '../../../src/main/core/servers/headless/headlessServer';
import { startCore } from '../../support/coreKit';
import { openRaw, pause } from '../../support/rawSocket';

const timeouts = { headersMs: 400, requestMs: 800, idleMs: 300 };
let core: Core;
let headless: HeadlessServer;
let apiPort: number;
let apiKey: string;
let feedPort: number;

beforeAll(async () => {
  const kit = startCore({ serverTimeouts: timeouts });
  core = kit.core;
  headless = await startHeadlessServer({ core, rendererDir: join(kit.dataDir, 'none'), timeouts });
  core.handlers['settings.update']({ localFeed: { enabled: true }, localApi: { enabled: true } });
  await core.local.apply();
  const status = core.local.status();
  apiPort = status.api.port!;
  apiKey = status.api.key!;
  feedPort = status.feed.port!;
});

afterAll(async () => {
  await headless?.close();
  await core?.shutdown();
});

/** Milliseconds until the server closes the socket (or `limit` if it never does), and what it said. */
function closedWithin(socket: Socket, limit: number): Promise<{ ms: number; reply: string }> {
  const started = Date.now();
  let reply = '';
  socket.on('data', (d) => (reply += d.toString('latin1')));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ms: limit, reply }), limit);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ ms: Date.now() - started, reply });
    });
  });
}

/** Sends a byte every 100 ms for as long as the socket is open. */
function trickle(socket: Socket): void {
  const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(' ')), 100);
  socket.once('close', () => clearInterval(timer));
}

describe('local server timeouts', () => {
  it('has finite defaults', () => {
    expect(Object.values(DEFAULT_SERVER_TIMEOUTS).every((v) => v > 0 && v <= 30_000)).toBe(true);
  });

  it('closes a local API request whose body trickles in (408)', async () => {
    const s = await openRaw(apiPort);
    s.write(`POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${apiPort}\r\nAuthorization: Bearer ${apiKey}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
    trickle(s);
    const { ms, reply } = await closedWithin(s, 5000);
    expect(ms).toBeLessThan(5000);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  for (const [name, port] of [
    ['local API', () => apiPort],
    ['live feed', () => feedPort],
    ['browser-mode server', () => headless.port],
  ] as const) {
    it(`closes a ${name} connection whose headers never finish`, async () => {
      const s = await openRaw(port());
      s.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n`);
      const timer = setInterval(() => (s.destroyed ? clearInterval(timer) : s.write('X-Slow: 1\r\n')), 100);
      const { ms } = await closedWithin(s, 5000);
      clearInterval(timer);
      expect(ms).toBeLessThan(5000);
    });

    it(`closes an idle kept-alive ${name} connection`, async () => {
      const s = await openRaw(port());
      s.write(`GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nAuthorization: Bearer ${apiKey}\r\nConnection: keep-alive\r\n\r\n`);
      const { ms, reply } = await closedWithin(s, 5000);
      expect(reply).toMatch(/^HTTP\/1\.1 \d{3}/);
      expect(ms).toBeLessThan(5000);
      await pause(0);
    });
  }
});
