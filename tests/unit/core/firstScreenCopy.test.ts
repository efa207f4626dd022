/**
 * Browser mode keeps a copy of the first screen at a clean quit and serves it at the next start
 * before the core has loaded (issue #13, cold start). The copy must be exactly what the core
 * would answer, used once, refused when the history changed since, and private.
 */
import Database from 'better-sqlite3';
import Conf from 'conf';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/core/app/createCore';
import { FIRST_SCREEN_FILE, takeFirstScreenCache } from '../../../src/main/core/app/firstScreenCache';
import { gatherFirstScreen } from '../../../src/main/core/app/firstScreenData';
import { DATABASE_FILE } from '../../../src/main/core/app/paths';
import { FIRST_PAGE_WAIT_MS, KNOCK_GRACE_MS } from '../../../src/main/core/servers/headless/firstScreen';
import { startHeadlessServer, type HeadlessServer } from '../../../src/main/core/servers/headless/headlessServer';
import type { HeadlessCore } from '../../../src/main/core/servers/headless/windowSession';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';
import { defaultState } from '../../../src/main/core/settings/settingsState';
import type { FirstScreenData } from '../../../src/shared/firstScreen';
import { FIRST_SCREEN_PATH } from '../../../src/shared/wsPaths';
import { WsContractClient } from '../../support/wsContractClient';

const VERSION = '1.2.3';

function startCore(dataDir: string, keepFirstScreen: boolean) {
  return createCore({
    dataDir,
    settingsBackend: new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'config', projectName: 'brook-test', defaults: { ...defaultState() } }),
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: VERSION, systemLocale: 'en-US' },
    autoTitle: false,
    keepFirstScreen,
  });
}

/** A data folder that a core with two conversations has just quit cleanly, and what its first screen was. */
async function quitWithTwoConversations(keepFirstScreen = true): Promise<{ dataDir: string; expected: FirstScreenData }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-first-copy-'));
  const core = startCore(dataDir, keepFirstScreen);
  await core.handlers['conversations.create']({});
  const second = await core.handlers['conversations.create']({});
  await core.handlers['conversations.rename']({ id: second.id, title: '天气 and weather' });
  const expected = await gatherFirstScreen(core.handlers);
  await core.shutdown();
  return { dataDir, expected };
}

const take = (dataDir: string, version = VERSION) => takeFirstScreenCache(dataDir, join(dataDir, DATABASE_FILE), version);

describe('the copy of the first screen kept at a clean quit', () => {
  it('holds what the core answered, is the user’s alone, and is used once', async () => {
    const { dataDir, expected } = await quitWithTwoConversations();
    const file = join(dataDir, FIRST_SCREEN_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = take(dataDir);
    expect(JSON.parse(text!)).toEqual(expected);
    expect(expected.conversations.map((c) => c.title)).toContain('天气 and weather');
    expect(existsSync(file)).toBe(false);
    expect(take(dataDir)).toBeNull();
  });

  it('is not kept unless asked for (the desktop app)', async () => {
    const { dataDir } = await quitWithTwoConversations(false);
    expect(existsSync(join(dataDir, FIRST_SCREEN_FILE))).toBe(false);
  });

  it('is refused by another version, and thrown away', async () => {
    const { dataDir } = await quitWithTwoConversations();
    expect(take(dataDir, '9.9.9')).toBeNull();
    expect(existsSync(join(dataDir, FIRST_SCREEN_FILE))).toBe(false);
  });

  it('is refused once the history changed after the quit', async () => {
    const { dataDir } = await quitWithTwoConversations();
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare('UPDATE conversations SET title = ?').run('changed elsewhere');
    db.close();
    expect(take(dataDir)).toBeNull();
  });

  it('is refused while a write-ahead log holds newer pages', async () => {
    const { dataDir } = await quitWithTwoConversations();
    const { size, mtime } = statSync(join(dataDir, DATABASE_FILE));
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('UPDATE conversations SET title = ?').run('not yet checkpointed');
    try {
      // The main file itself is untouched: only the log tells.
      expect(statSync(join(dataDir, DATABASE_FILE))).toMatchObject({ size, mtime });
      expect(take(dataDir)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('a damaged copy is no copy', async () => {
    const { dataDir } = await quitWithTwoConversations();
    writeFileSync(join(dataDir, FIRST_SCREEN_FILE), '{"format":1,"version":"1.2.3","data":');
    expect(take(dataDir)).toBeNull();
    expect(existsSync(join(dataDir, FIRST_SCREEN_FILE))).toBe(false);
  });
});

const servers: HeadlessServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const PAGE = '<!doctype html><script type="module" src="./assets/index-1.js"></script><div id="root"></div>';

async function serve(firstScreen: string | null, core: Promise<HeadlessCore> = new Promise(() => {})): Promise<HeadlessServer> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'brook-first-copy-page-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), PAGE);
  writeFileSync(join(rendererDir, 'assets', 'index-1.js'), '/* index */');
  const server = await startHeadlessServer({ core, rendererDir, firstScreen });
  servers.push(server);
  return server;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    })
      .on('error', reject)
      .end();
  });
}

async function settled(promise: Promise<unknown>, waitMs = 20): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, waitMs));
  return done;
}

const COPY = JSON.stringify({ conversations: [{ id: 'c1', title: 'kept' }] });

describe('serving the copy before the core', () => {
  it('only with the token, only to this server’s own pages', async () => {
    const server = await serve(COPY);
    const bearer = { authorization: `Bearer ${server.token}` };
    expect((await get(server.port, FIRST_SCREEN_PATH)).status).toBe(401);
    expect((await get(server.port, FIRST_SCREEN_PATH, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get(server.port, `${FIRST_SCREEN_PATH}?token=${server.token}`)).status).toBe(401);
    expect((await get(server.port, FIRST_SCREEN_PATH, { ...bearer, origin: 'http://evil.example' })).status).toBe(403);
    const answer = await get(server.port, FIRST_SCREEN_PATH, { ...bearer, origin: `http://127.0.0.1:${server.port}` });
    expect(answer).toMatchObject({ status: 200, body: COPY, type: 'application/json; charset=utf-8' });
  });

  it('without a copy, answers with the core’s first screen once the core has loaded', async () => {
    let loaded!: (core: HeadlessCore) => void;
    const server = await serve(null, new Promise<HeadlessCore>((r) => (loaded = r)));
    const asking = get(server.port, FIRST_SCREEN_PATH, { authorization: `Bearer ${server.token}` });
    // Nothing to give yet: the request waits for the core rather than coming back empty.
    expect(await settled(asking, 50)).toBe(false);
    const now = JSON.parse(COPY) as FirstScreenData;
    loaded({ firstScreen: () => Promise.resolve(now) } as HeadlessCore);
    expect(await asking).toMatchObject({ status: 200, body: COPY });
  });

  it('answers 204 when the core has no first screen or fails to start, and still refuses a stranger at once', async () => {
    const without = await serve(null, Promise.resolve({} as HeadlessCore));
    expect((await get(without.port, FIRST_SCREEN_PATH, { authorization: `Bearer ${without.token}` })).status).toBe(204);
    const failed = await serve(null, Promise.reject(new Error('database damaged')));
    expect((await get(failed.port, FIRST_SCREEN_PATH, { authorization: `Bearer ${failed.token}` })).status).toBe(204);
    const loading = await serve(null);
    expect((await get(loading.port, FIRST_SCREEN_PATH)).status).toBe(401);
  });

  it('once the core has loaded, serves its first screen as it is now instead of the copy', async () => {
    let loaded!: (core: HeadlessCore) => void;
    const server = await serve(COPY, new Promise<HeadlessCore>((r) => (loaded = r)));
    const bearer = { authorization: `Bearer ${server.token}` };
    expect(await get(server.port, FIRST_SCREEN_PATH, bearer)).toMatchObject({ status: 200, body: COPY });
    const now = { conversations: [{ id: 'c2', title: 'written since' }] } as unknown as FirstScreenData;
    loaded({ firstScreen: () => Promise.resolve(now) } as HeadlessCore);
    await expect.poll(async () => (await get(server.port, FIRST_SCREEN_PATH, bearer)).body, { timeout: 5_000 }).toBe(JSON.stringify(now));
  });

  it('a real core’s first screen is what its handlers answer', async () => {
    const { dataDir } = await quitWithTwoConversations(false);
    const core = startCore(dataDir, false);
    try {
      const server = await serve(null, Promise.resolve(core));
      const answer = await get(server.port, FIRST_SCREEN_PATH, { authorization: `Bearer ${server.token}` });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual(await gatherFirstScreen(core.handlers));
      expect((JSON.parse(answer.body) as FirstScreenData).conversations.map((c) => c.title)).toContain('天气 and weather');
    } finally {
      await core.shutdown();
    }
  });

  it('with a copy, the core waits for the window to knock, not for the page’s files and the copy', async () => {
    // The first paint has drawn the list from the copy; the app, still loading, draws it again
    // from the same copy, and the core loads beside that, not before it.
    const server = await serve(COPY);
    expect((await get(server.port, '/')).status).toBe(200);
    expect((await get(server.port, '/assets/index-1.js')).status).toBe(200);
    expect((await get(server.port, FIRST_SCREEN_PATH, { authorization: `Bearer ${server.token}` })).status).toBe(200);
    expect(await settled(server.firstScreenSent, FIRST_PAGE_WAIT_MS + 50)).toBe(false);
    const url = `ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(server.token)}`;
    const connecting = WsContractClient.connect(url, { origin: `http://127.0.0.1:${server.port}` }).catch(() => null);
    expect(await settled(server.firstScreenSent, 100)).toBe(true);
    await server.close();
    servers.length = 0;
    await connecting;
  });

  it('a window that knocks gives its request for the copy a moment, not forever', async () => {
    const server = await serve(COPY);
    expect((await get(server.port, '/')).status).toBe(200);
    expect((await get(server.port, '/assets/index-1.js')).status).toBe(200);
    const url = `ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(server.token)}`;
    const connecting = WsContractClient.connect(url, { origin: `http://127.0.0.1:${server.port}` }).catch(() => null);
    expect(await settled(server.firstScreenSent, KNOCK_GRACE_MS / 4)).toBe(false);
    expect(await settled(server.firstScreenSent, KNOCK_GRACE_MS + 50)).toBe(true);
    await server.close();
    servers.length = 0;
    await connecting;
  });
});
