import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { Network, proxyFor } from '../../../src/main/core/net/proxy';
import { openAICompatibleFactory } from '../../../src/main/core/providers/openaiCompatible';
import { startProxyFixture, type ProxyFixture } from '../../fixtures/connectProxy';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';

describe('proxyFor', () => {
  const env = { HTTPS_PROXY: 'http://secure-proxy:3128', HTTP_PROXY: 'http://plain-proxy:3128', NO_PROXY: 'localhost,.internal.example,10.0.0.5:8080' };
  it.each([
    ['https://api.openai.com/v1', 'http://secure-proxy:3128'],
    ['wss://spark-api.xf-yun.com/v3.5/chat', 'http://secure-proxy:3128'],
    ['http://example.com/v1', 'http://plain-proxy:3128'],
    ['http://localhost:11434/v1', null],
    ['https://llm.internal.example/v1', null],
    ['http://10.0.0.5:8080/v1', null],
    ['http://10.0.0.5:9090/v1', 'http://plain-proxy:3128'],
  ])('%s → %s', (target, expected) => {
    expect(proxyFor(target, null, env)).toBe(expected);
  });

  it('the app setting wins over the environment', () => {
    expect(proxyFor('http://localhost:1/v1', 'http://mine:8080', env)).toBe('http://mine:8080');
    expect(proxyFor('https://x.example', null, {})).toBeNull();
    expect(proxyFor('https://x.example', null, { NO_PROXY: '*', HTTPS_PROXY: 'http://p:1' })).toBeNull();
  });
});

describe('Network', () => {
  let proxy: ProxyFixture;
  let openai: OpenAIFixture;
  beforeAll(async () => {
    proxy = await startProxyFixture();
    openai = await startOpenAIFixture();
  });
  afterAll(async () => {
    await proxy.close();
    await openai.close();
  });

  it('streams a provider answer through the configured proxy', async () => {
    const network = new Network(() => proxy.url, {});
    const base = openai.url.replace('127.0.0.1', 'localhost');
    const provider = openAICompatibleFactory.create({ baseUrl: base, apiKey: null }, { fetch: network.fetch });
    let text = '';
    for await (const e of provider.stream({ model: 'm', messages: [{ role: 'user', content: '你好 proxy' }] }, new AbortController().signal)) {
      if (e.type === 'text') text += e.text;
    }
    expect(text).toBe('You said: 你好 proxy');
    expect(proxy.targets.some((t) => t.includes(`localhost:${openai.port}`))).toBe(true);
  });

  it('honours NO_PROXY from the environment, and goes direct without a proxy', async () => {
    const before = proxy.targets.length;
    const network = new Network(() => null, { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost' });
    const res = await network.fetch(`${openai.url.replace('127.0.0.1', 'localhost')}/models`);
    expect(res.status).toBe(200);
    expect(proxy.targets.length).toBe(before);
    const viaEnv = new Network(() => null, { HTTP_PROXY: proxy.url });
    expect((await viaEnv.fetch(`${openai.url}/models`)).status).toBe(200);
    expect(proxy.targets.length).toBe(before + 1);
  });

  it('tunnels WebSocket providers (Spark) through the proxy too', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (ws) => ws.on('message', (m) => ws.send(`echo ${m.toString()}`)));
    const port = (wss.address() as AddressInfo).port;
    const network = new Network(() => proxy.url, {});
    const target = `ws://localhost:${port}/chat`;
    const ws = new WebSocket(target, { agent: network.webSocketAgentFor(target) });
    const reply = await new Promise<string>((resolve, reject) => {
      ws.on('open', () => ws.send('星火'));
      ws.on('message', (m) => resolve(m.toString()));
      ws.on('error', reject);
    });
    expect(reply).toBe('echo 星火');
    expect(proxy.targets).toContain(`localhost:${port}`);
    ws.close();
    await new Promise((r) => wss.close(r));
  });
});
