/**
 * A bounded, seeded fuzz of Brook's three local servers (browser mode, live feed, local API):
 * random and malformed bytes, malformed and oversized WebSocket frames, invalid UTF-8, half-open
 * and reset handshakes. Whatever arrives, the process must not throw and every server must
 * still serve afterwards. FUZZ_SEED picks another sequence of cases.
 */
import { join } from 'node:path';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app/createCore';
import { startHeadlessServer, type HeadlessServer } from '../../../src/main/core/servers/headless/headlessServer';
import { startCore } from '../../support/coreKit';
import { firstReply, openRaw, pause, randomBuffer, reset, seededRandom, upgradeRequest, wsFrame } from '../../support/rawSocket';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CASES_PER_SERVER = 60;

let core: Core;
let headless: HeadlessServer;
let feed: { port: number; path: string };
let api: { port: number; key: string };
/** Errors that reached the top of the process: each would have ended Brook. */
const crashes: string[] = [];
const onCrash = (err: unknown) => crashes.push(err instanceof Error ? `${err.name}: ${err.message}` : String(err));

beforeAll(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const kit = startCore();
  core = kit.core;
  headless = await startHeadlessServer({ core, rendererDir: join(kit.dataDir, 'no-renderer') });
  core.handlers['settings.update']({ localFeed: { enabled: true }, localApi: { enabled: true } });
  await core.local.apply();
  const status = core.local.status();
  const feedUrl = new URL(status.feed.url!);
  feed = { port: Number(feedUrl.port), path: `${feedUrl.pathname}${feedUrl.search}` };
  api = { port: status.api.port!, key: status.api.key! };
});

afterAll(async () => {
  await headless?.close();
  await core?.shutdown();
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

type Case = (random: () => number, port: number, goodPath: string, badPath: string) => Promise<void>;

/** How a case leaves: a clean end, a reset, or simply walking away half-way. */
async function leave(random: () => number, socket: Socket): Promise<void> {
  const r = random();
  if (r < 0.45) reset(socket);
  else if (r < 0.9) socket.end();
  else await pause(5).then(() => socket.destroy());
}

async function openWebSocket(port: number, path: string): Promise<Socket | null> {
  const socket = await openRaw(port);
  socket.write(upgradeRequest(port, path));
  const reply = await firstReply(socket);
  if (!reply.startsWith('HTTP/1.1 101')) {
    socket.destroy();
    return null;
  }
  return socket;
}

/** The frames a buggy or hostile client sends once it holds the token. */
function hostileFrame(random: () => number): Buffer {
  const kinds: (() => Buffer)[] = [
    () => wsFrame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), // invalid UTF-8 in a text frame
    () => wsFrame(0x1, Buffer.alloc(16), 50 * 1024 * 1024), // claims 50 MB
    () => wsFrame(0x1, Buffer.alloc(16), 2 ** 53), // claims more than any buffer
    () => wsFrame(0x1, randomBuffer(random, 1 + Math.floor(random() * 300))), // random text
    () => wsFrame(0x2, randomBuffer(random, 64)), // binary
    () => wsFrame(0x3 + Math.floor(random() * 5), randomBuffer(random, 8)), // reserved opcodes
    () => wsFrame(0x9, randomBuffer(random, 200)), // a ping longer than a control frame may be
    () => wsFrame(0x0, Buffer.from('{}')), // a continuation with nothing to continue
    () => wsFrame(0x1, Buffer.from('{"kind":"request","id":1'), 24, false), // a fragment never finished
    () => wsFrame(0x1, Buffer.from('{"kind":"request","id":-1,"name":"x","args":null}')),
    () => wsFrame(0x1, Buffer.from(`"${'\\u0001'.repeat(100)}"`)),
    () => randomBuffer(random, 1 + Math.floor(random() * 64)), // not even a frame
  ];
  return kinds[Math.floor(random() * kinds.length)]!();
}

const webSocketCases: Case[] = [
  async (random, port) => {
    const s = await openRaw(port);
    s.write(randomBuffer(random, 1 + Math.floor(random() * 2000)));
    await leave(random, s);
  },
  async (random, port, _good, bad) => {
    const s = await openRaw(port);
    s.write(upgradeRequest(port, bad));
    reset(s); // before the refusal is written: the crash of issue #12 item 3
    void random;
  },
  async (random, port, _good, bad) => {
    const s = await openRaw(port);
    s.write(upgradeRequest(port, bad));
    await pause(Math.floor(random() * 3));
    await leave(random, s);
  },
  async (random, port, good) => {
    const s = await openRaw(port);
    const request = upgradeRequest(port, good);
    s.write(request.slice(0, Math.floor(random() * request.length))); // half a handshake
    await leave(random, s);
  },
  async (random, port, good) => {
    const s = await openRaw(port);
    s.write(upgradeRequest(port, good));
    reset(s); // a good handshake reset before the 101
  },
  async (random, port, good) => {
    const s = await openWebSocket(port, good);
    if (!s) throw new Error('the good handshake was refused');
    s.write(hostileFrame(random));
    await pause(Math.floor(random() * 5));
    await leave(random, s);
  },
  async (random, port) => {
    const s = await openRaw(port);
    s.write(`GET /\u0000 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: x\r\n\r\n`); // clientError
    await leave(random, s);
  },
];

const apiCases: Case[] = [
  webSocketCases[0]!,
  webSocketCases[6]!,
  async (random, port, key) => {
    const s = await openRaw(port);
    s.write(`POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${key}\r\n`);
    s.write(`Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"model":"x","mess`);
    await leave(random, s); // a body cut off
  },
  async (random, port, key) => {
    const s = await openRaw(port);
    s.write(`POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${key}\r\n`);
    s.write(`Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const body = randomBuffer(random, 500);
    s.write(`${body.length.toString(16)}\r\n`);
    s.write(body);
    s.write('\r\n0\r\n\r\n');
    await firstReply(s, 500);
    await leave(random, s);
  },
  async (random, port, key) => {
    const s = await openRaw(port);
    s.write(`POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${key}\r\n`);
    s.write(`Content-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`);
    s.write(Buffer.alloc(256 * 1024, 0x20));
    await leave(random, s);
  },
  async (random, port) => {
    const s = await openRaw(port);
    s.write(upgradeRequest(port, '/v1/models'));
    await leave(random, s);
  },
];

/** Runs the cases and returns the crashes they caused. */
async function fuzz(cases: Case[], port: number, goodPath: string, badPath: string, seed: number): Promise<string[]> {
  const random = seededRandom(seed);
  const before = crashes.length;
  for (let i = 0; i < CASES_PER_SERVER; i++) {
    await cases[Math.floor(random() * cases.length)]!(random, port, goodPath, badPath);
  }
  await pause(300); // let the servers see the resets
  return crashes.slice(before);
}

function wsStillServes(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => {
      ws.close();
      resolve();
    });
    ws.once('error', reject);
  });
}

describe('local servers under fuzz (seed ' + SEED + ')', () => {
  it('browser-mode server: no crash, still serves', async () => {
    const good = `/ws?token=${encodeURIComponent(headless.token)}`;
    expect(await fuzz(webSocketCases, headless.port, good, '/ws?token=bad', SEED)).toEqual([]);
    await wsStillServes(`ws://127.0.0.1:${headless.port}${good}`);
    expect((await fetch(`http://127.0.0.1:${headless.port}/`)).status).toBeLessThan(500);
  });

  it('live feed: no crash, still serves', async () => {
    expect(await fuzz(webSocketCases, feed.port, feed.path, '/feed?token=bad', SEED + 1)).toEqual([]);
    await wsStillServes(`ws://127.0.0.1:${feed.port}${feed.path}`);
  });

  it('local API: no crash, still serves', async () => {
    expect(await fuzz(apiCases, api.port, api.key, '', SEED + 2)).toEqual([]);
    const res = await fetch(`http://127.0.0.1:${api.port}/v1/models`, { headers: { authorization: `Bearer ${api.key}` } });
    expect(res.status).toBe(200);
  });
});
