import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core/app/createCore';
import type { FeedFrame } from '../../../src/main/core/servers/liveFeed/feedFrames';
import type { Events } from '../../../src/shared/contract';
import { en, zhCN } from '../../../src/shared/i18n/resources';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { waitUntil } from '../../support/answerEnds';
import { startCore } from '../../support/coreKit';

let fixture: OpenAIFixture;
let core: Core;
let ended: ReturnType<typeof startCore>['ended'];
let feedUrl: string;
const logs: string[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  fixture = await startOpenAIFixture();
  const kit = startCore({ feedMaxBufferedBytes: 256 * 1024, log: (m) => logs.push(m) });
  core = kit.core;
  ended = kit.ended;
  core.handlers['providers.save']({
    draft: { name: 'Fixture', kind: 'openai-compatible', presetId: 'custom', baseUrl: fixture.url, defaultModel: 'fixture-chat' },
  });
  core.handlers['settings.update']({ localFeed: { enabled: true } });
  await core.local.apply();
  feedUrl = core.local.status().feed.url!;
});

afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  await core.shutdown();
  await fixture.close();
});

/** A subscriber that records every frame it reads. */
async function subscribe(url = feedUrl, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; frames: FeedFrame[] }> {
  const ws = new WebSocket(url, { headers });
  sockets.push(ws);
  const frames: FeedFrame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as FeedFrame));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, frames };
}

/** The HTTP status the handshake was refused with. */
function refusal(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => reject(new Error('connected')));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', () => {});
  });
}

describe('live feed', () => {
  it('listens on 127.0.0.1 with a token in the URL, and is off by default', () => {
    expect(feedUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/feed\?token=[\w-]{20,}$/);
    const fresh = startCore();
    expect(fresh.core.settings.read().settings.localFeed.enabled).toBe(false);
    return fresh.core.ready.then(() => {
      expect(fresh.core.local.status().feed).toMatchObject({ running: false, url: null });
      return fresh.core.shutdown();
    });
  });

  it('refuses a wrong or missing token (401) and a web page from another origin (403) at the handshake', async () => {
    const url = new URL(feedUrl);
    const wrong = new URL(feedUrl);
    wrong.searchParams.set('token', 'x'.repeat(url.searchParams.get('token')!.length));
    expect(await refusal(wrong.href)).toBe(401);
    expect(await refusal(`ws://${url.host}/feed`)).toBe(401);
    expect(await refusal(feedUrl, { origin: 'https://evil.example' })).toBe(403);
    expect(await refusal(feedUrl, { origin: 'http://localhost:1234' })).toBe(403);
    expect(await refusal(feedUrl, { host: `rebound.example:${url.port}` })).toBe(403);
    // Python's websocket-client sends the feed's own address as Origin.
    const own = await subscribe(feedUrl, { origin: `http://${url.host}` });
    own.ws.close();
  });

  it('every subscriber sees the user message, exactly the text the windows get, and the whole answer', async () => {
    const a = await subscribe();
    const b = await subscribe();
    const windowDeltas: string[] = [];
    const windowReasoning: string[] = [];
    const off = core.bus.on((name, payload) => {
      if (name !== 'stream') return;
      const e = (payload as Events['stream']).event;
      if (e.type === 'text') windowDeltas.push(e.text);
      if (e.type === 'reasoning') windowReasoning.push(e.text);
    });
    const c = core.handlers['conversations.create']({}) as Awaited<ReturnType<Core['handlers']['conversations.create']>>;
    const { assistantMessage } = (await core.handlers['chat.send']({ conversationId: c.id, text: '/reason please' })) as {
      assistantMessage: { id: string };
    };
    const answer = await ended(assistantMessage.id);
    off();
    await waitUntil(() => a.frames.some((f) => f.type === 'text' && f.status && f.user === 'assistant'));
    await waitUntil(() => b.frames.length === a.frames.length);

    const mine = a.frames.filter((f) => 'conversation_id' in f && f.conversation_id === c.id);
    expect(mine[0]).toEqual({ type: 'text', status: true, msg: '/reason please', user: 'user', conversation_id: c.id });
    const pieces = mine.filter((f): f is Extract<FeedFrame, { type: 'text' }> => f.type === 'text' && !f.status);
    const thinking = mine.filter((f): f is Extract<FeedFrame, { type: 'reasoning' }> => f.type === 'reasoning' && !f.status);
    // One frame per window delta, character for character.
    expect(pieces.map((f) => f.msg)).toEqual(windowDeltas);
    expect(thinking.map((f) => f.msg)).toEqual(windowReasoning);
    expect(pieces.map((f) => f.msg).join('')).toBe('Here is the answer after thinking.');
    expect(mine.at(-2)).toEqual({ type: 'reasoning', status: true, msg: answer.reasoning, user: 'assistant', conversation_id: c.id });
    expect(mine.at(-1)).toEqual({ type: 'text', status: true, msg: answer.content, user: 'assistant', conversation_id: c.id });
    expect(b.frames).toEqual(a.frames);
    a.ws.close();
    b.ws.close();
  });

  it('a failed turn is an error frame with the translated message, in the language setting', async () => {
    const sub = await subscribe();
    const fail = async () => {
      const c = core.handlers['conversations.create']({}) as { id: string };
      const { assistantMessage } = (await core.handlers['chat.send']({ conversationId: c.id, text: '/error now' })) as { assistantMessage: { id: string } };
      await ended(assistantMessage.id);
      await waitUntil(() => sub.frames.some((f) => f.type === 'error' && f.conversation_id === c.id));
      return sub.frames.find((f) => f.type === 'error' && f.conversation_id === c.id);
    };
    expect(await fail()).toMatchObject({ type: 'error', msg: en.errors.provider });
    core.handlers['settings.update']({ language: 'zh-CN' });
    expect(await fail()).toMatchObject({ type: 'error', msg: zhCN.errors.provider });
    core.handlers['settings.update']({ language: 'en' });
    sub.ws.close();
  });

  it('drops a subscriber that stops reading, without holding back the others', async () => {
    const stalled = await subscribe();
    const healthy = await subscribe();
    let stalledClose: { code: number } | null = null;
    stalled.ws.on('close', (code) => (stalledClose = { code }));
    // Stop reading: the socket's buffers fill and Brook's send buffer for it grows.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();

    const piece = 'x'.repeat(64 * 1024);
    const count = 400; // 25 MB: far beyond what the kernel buffers on both sides hold.
    const started = Date.now();
    for (let i = 0; i < count; i++) {
      core.bus.emit('stream', { conversationId: 'load', messageId: 'm', event: { type: 'text', text: piece } });
      // Text comes about once a frame; let the sockets move between them.
      await new Promise((r) => setImmediate(r));
    }
    // Emitting never waited for anyone (the bus is synchronous), so the app was never slowed.
    expect(Date.now() - started).toBeLessThan(15_000);
    await waitUntil(() => healthy.frames.filter((f) => f.type === 'text' && f.conversation_id === 'load').length === count, 'every frame at the healthy subscriber', 20_000);
    await waitUntil(() => logs.some((l) => l.includes('dropped a subscriber')));
    // Reading again, it finds the connection closed after what was already on the wire.
    (stalled.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await waitUntil(() => stalledClose !== null, 'the stalled subscriber to be closed');
    expect([1006, 1008]).toContain(stalledClose!.code);
    expect(stalled.frames.filter((f) => 'conversation_id' in f && f.conversation_id === 'load').length).toBeLessThan(count);
    healthy.ws.close();
  });

  it('a new token disconnects old subscribers and refuses the old URL', async () => {
    const old = await subscribe();
    const closed = new Promise<{ code: number; reason: string }>((r) => old.ws.once('close', (code, reason) => r({ code, reason: String(reason) })));
    const status = core.handlers['local.renewFeedToken']({}) as { feed: { url: string } };
    expect(status.feed.url).not.toBe(feedUrl);
    expect(await closed).toEqual({ code: 1008, reason: 'token changed' });
    expect(await refusal(feedUrl)).toBe(401);
    const fresh = await subscribe(status.feed.url);
    fresh.ws.close();
    feedUrl = status.feed.url;
  });

  it('a fixed port that is taken is reported, and a free one works again', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as AddressInfo).port;
    core.handlers['settings.update']({ localFeed: { port: taken } });
    await core.local.apply();
    expect(core.local.status().feed).toMatchObject({ enabled: true, running: false, url: null, error: { messageKey: 'errors.portInUse', params: { port: taken } } });
    blocker.close();
    core.handlers['settings.update']({ localFeed: { port: null } });
    await core.local.apply();
    expect(core.local.status().feed).toMatchObject({ running: true, error: null });
    feedUrl = core.local.status().feed.url!;
  });

  it('turning the feed off closes it', async () => {
    core.handlers['settings.update']({ localFeed: { enabled: false } });
    await core.local.apply();
    expect(core.local.status().feed).toMatchObject({ enabled: false, running: false, url: null });
    await expect(subscribe()).rejects.toThrow();
  });
});
