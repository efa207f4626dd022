/**
 * The headless (browser-mode) server's own defences: the token, Origin and Host checks at the
 * handshake, argument validation, and malformed upgrades and frames.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessServer } from '../../../src/main/core/servers/headless/headlessServer';
import { WsContractClient } from '../../support/wsContractClient';
import { pageStatus, startHeadlessCore, type HeadlessCore } from './headlessKit';

let headless: HeadlessCore;
let server: HeadlessServer;
let client: WsContractClient;
const wsUrl = (token?: string) => headless.wsUrl(token);
const origin = () => headless.origin();

beforeAll(async () => {
  headless = await startHeadlessCore();
  ({ server, client } = headless);
});

afterAll(async () => {
  await headless?.close();
});

describe('headless server transport', () => {
  it('refuses a wrong token and a foreign origin at the handshake', async () => {
    await expect(WsContractClient.connect(wsUrl('wrong'), origin())).rejects.toThrow('HTTP 401');
    await expect(WsContractClient.connect(wsUrl(), { origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('refuses a foreign Host (DNS rebinding) with 403, for the socket and the page alike', async () => {
    const rebound = { host: `rebound.example:${server.port}`, origin: `http://rebound.example:${server.port}` };
    await expect(WsContractClient.connect(wsUrl(), rebound)).rejects.toThrow('HTTP 403');
    // Same token, our own Origin, only the Host is foreign.
    await expect(WsContractClient.connect(wsUrl(), { ...origin(), host: `rebound.example:${server.port}` })).rejects.toThrow('HTTP 403');
    expect(await pageStatus(server.port, `rebound.example:${server.port}`)).toBe(403);
    expect(await pageStatus(server.port, `localhost:${server.port}`)).not.toBe(403);
  });

  it('validates arguments and reports errors as data', async () => {
    await expect(client.request('conversations.rename', { id: 'x', title: '' })).rejects.toMatchObject({ code: 'bad_request', messageKey: 'errors.invalidArgs' });
    await expect(client.request('conversations.messages', { id: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('answers a malformed upgrade URL with 400 and keeps serving', async () => {
    const { connect } = await import('node:net');
    const reply = await new Promise<string>((resolve) => {
      const sock = connect(server.port, '127.0.0.1', () => {
        sock.write('GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
      });
      let data = '';
      sock.on('data', (d) => (data += d.toString()));
      sock.on('close', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1.1 400/);
    expect((await client.request('app.info', {})).mode).toBe('browser');
  });

  it('closes the socket on a malformed frame', async () => {
    const ws = new WebSocket(wsUrl(), { headers: origin() });
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('{not json');
    expect(await closed).toBe(1003);
  });
});
