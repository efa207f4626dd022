import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../../src/shared/contract';
import { FeedUpdateEngine, FileUpdatePreferences, UpdateService, unsupportedEngine } from '../../../../src/main/core/updates';
import { sha512Base64, startUpdateFeedServer, type UpdateFeedServer } from '../../../fixtures/updateFeedServer';

const installer = new Uint8Array(64 * 1024).map((_, i) => (i * 31) % 251);
const macZip = new Uint8Array(48 * 1024).map((_, i) => (i * 7) % 253);
const NOTES = 'Faster streaming.\nFixes the search dialog.';

let feed: UpdateFeedServer;
let dir: string;
let applied: { file: string; when: 'now' | 'onQuit' }[];
let statuses: UpdateStatus[];
let streaming: boolean;

beforeAll(async () => {
  feed = await startUpdateFeedServer();
});
afterAll(() => feed.close());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'brook-updates-'));
  applied = [];
  statuses = [];
  streaming = false;
  feed.requests.length = 0;
  feed.publish({ version: '0.2.0', releaseNotes: NOTES, files: { 'Brook-Setup-0.2.0.exe': installer } });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function service(opts: { feedUrl?: string; platform?: NodeJS.Platform; arch?: string; version?: string } = {}) {
  const engine = new FeedUpdateEngine({
    feedUrl: opts.feedUrl ?? `${feed.url}/releases/`,
    currentVersion: opts.version ?? '0.1.0',
    cacheDir: join(dir, 'pending'),
    platform: opts.platform ?? 'win32',
    arch: opts.arch ?? 'x64',
    checkTimeoutMs: 5_000,
    apply: (file, when) => applied.push({ file, when }),
  });
  return new UpdateService({
    engine,
    preferences: new FileUpdatePreferences(join(dir, 'updates.json')),
    currentVersion: opts.version ?? '0.1.0',
    isStreaming: () => streaming,
    onStatus: (status) => statuses.push(status),
    clock: () => 1_700_000_000_000,
  });
}

/** A port nothing listens on: bound, then closed. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('UpdateService with FeedUpdateEngine, against a local feed', () => {
  it('finds a newer version, downloads it in the background with progress, verifies it, and is ready', async () => {
    const updates = service();
    const status = await updates.check();
    expect(status).toMatchObject({ phase: 'ready', version: '0.2.0', percent: 100, error: null, releaseNotes: `${NOTES}\n` });
    expect(status.releaseDate).toBe('2026-12-01T10:00:00.000Z');
    expect(feed.requests.map((r) => r.path)).toEqual(['/releases/latest.yml', '/releases/Brook-Setup-0.2.0.exe']);
    const phases = statuses.map((s) => s.phase);
    expect(phases[0]).toBe('checking');
    expect(phases.at(-1)).toBe('ready');
    const percents = statuses.filter((s) => s.phase === 'downloading').map((s) => s.percent ?? -1);
    expect(percents.length).toBeGreaterThan(3);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const file = join(dir, 'pending', 'Brook-Setup-0.2.0.exe');
    expect(sha512Base64(readFileSync(file))).toBe(sha512Base64(installer));
    expect(readdirSync(join(dir, 'pending'))).toEqual(['Brook-Setup-0.2.0.exe']);

    expect(updates.restart().outcome).toBe('restarting');
    expect(applied).toEqual([{ file, when: 'now' }]);
  });

  it('reads latest-mac.yml on macOS and takes the ZIP for its architecture', async () => {
    feed.publish({ version: '0.3.0', files: { 'Brook-0.3.0-mac-x64.zip': new Uint8Array(10), 'Brook-0.3.0-mac-arm64.zip': macZip } });
    const status = await service({ platform: 'darwin', arch: 'arm64' }).check();
    expect(status.phase).toBe('ready');
    expect(feed.requests.map((r) => r.path)).toEqual(['/releases/latest-mac.yml', '/releases/Brook-0.3.0-mac-arm64.zip']);
    expect(sha512Base64(readFileSync(join(dir, 'pending', 'Brook-0.3.0-mac-arm64.zip')))).toBe(sha512Base64(macZip));
  });

  it('says up to date when the feed has the running version, and downloads nothing', async () => {
    const status = await service({ version: '0.2.0' }).check();
    expect(status).toMatchObject({ phase: 'upToDate', version: null, error: null, checkedAt: 1_700_000_000_000 });
    expect(feed.requests.map((r) => r.path)).toEqual(['/releases/latest.yml']);
  });

  it('refuses a download whose sha512 does not match: a quiet "corrupt" status, nothing kept, nothing installed', async () => {
    feed.publish({ version: '0.2.0', files: { 'Brook-Setup-0.2.0.exe': installer }, wrongSha512: sha512Base64(new Uint8Array([1, 2, 3])) });
    const updates = service();
    const status = await updates.check();
    expect(status).toMatchObject({ phase: 'error', error: 'corrupt', percent: null });
    expect(existsSync(join(dir, 'pending')) ? readdirSync(join(dir, 'pending')) : []).toEqual([]);
    expect(updates.restart().outcome).toBe('notReady');
    expect(applied).toEqual([]);
  });

  it('turns a 404 (no channel file, or a missing installer) into "notFound"', async () => {
    feed.publish(null);
    expect(await service().check()).toMatchObject({ phase: 'error', error: 'notFound' });
    statuses.length = 0;
    expect(await service({ feedUrl: `${feed.url}/elsewhere/` }).check()).toMatchObject({ phase: 'error', error: 'notFound' });
  });

  it('turns a server that is down into "unreachable"', async () => {
    const updates = service({ feedUrl: `http://127.0.0.1:${await deadPort()}/releases/` });
    await expect(updates.check()).resolves.toMatchObject({ phase: 'error', error: 'unreachable' });
    expect(statuses.map((s) => s.phase)).toEqual(['checking', 'error']);
  });

  it('never interrupts a streaming answer: "Restart to update" then installs on the next quit', async () => {
    const updates = service();
    await updates.check();
    streaming = true;
    const { outcome, status } = updates.restart();
    expect(outcome).toBe('deferred');
    expect(status.installOnQuit).toBe(true);
    expect(applied).toEqual([{ file: join(dir, 'pending', 'Brook-Setup-0.2.0.exe'), when: 'onQuit' }]);
  });

  it('keeps the setting (on by default) in updates.json, and checks on start only when it is on', async () => {
    const updates = service();
    expect(updates.current().autoCheck).toBe(true);
    updates.setAutoCheck(false);
    expect(JSON.parse(readFileSync(join(dir, 'updates.json'), 'utf8'))).toEqual({ autoCheck: false });
    const again = new UpdateService({
      engine: unsupportedEngine('portable'),
      preferences: new FileUpdatePreferences(join(dir, 'updates.json')),
      currentVersion: '0.1.0',
      isStreaming: () => false,
      onStatus: () => {},
    });
    expect(again.current()).toMatchObject({ supported: false, unsupportedReason: 'portable', autoCheck: false });
    expect(await again.check()).toMatchObject({ phase: 'idle', error: null });

    const off = service();
    expect(off.current().autoCheck).toBe(false);
    const started = new UpdateService({ ...serviceOptions(), firstCheckDelayMs: 1 });
    started.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    started.stop();
    expect(feed.requests).toEqual([]);
  });
});

function serviceOptions() {
  return {
    engine: new FeedUpdateEngine({ feedUrl: `${feed.url}/releases/`, currentVersion: '0.1.0', cacheDir: join(dir, 'pending'), platform: 'win32' as const, arch: 'x64', apply: () => {} }),
    preferences: new FileUpdatePreferences(join(dir, 'updates.json')),
    currentVersion: '0.1.0',
    isStreaming: () => false,
    onStatus: () => {},
  };
}

describe('automatic checks', () => {
  it('checks shortly after start and downloads without being asked', async () => {
    const seen: UpdateStatus[] = [];
    const updates = new UpdateService({ ...serviceOptions(), onStatus: (s) => seen.push(s), firstCheckDelayMs: 1 });
    updates.start();
    await expect.poll(() => seen.at(-1)?.phase, { timeout: 5_000 }).toBe('ready');
    updates.stop();
  });
});

describe('updateErrorCode', () => {
  it('sorts the errors electron-updater and Node throw into the translated codes', async () => {
    const { updateErrorCode, UpdateFailure } = await import('../../../../src/main/core/updates');
    expect(updateErrorCode(new Error('sha512 checksum mismatch, expected abc, got def'))).toBe('corrupt');
    expect(updateErrorCode(new Error('New version 0.2.0 is not signed by the application owner: publisherNames: Brook'))).toBe('signature');
    expect(updateErrorCode(new Error('Code signature at URL file:///… did not pass validation'))).toBe('signature');
    expect(updateErrorCode(new Error('Cannot find latest-mac.yml in the latest release artifacts (…): HttpError: 404'))).toBe('notFound');
    expect(updateErrorCode(Object.assign(new Error('net::ERR_INTERNET_DISCONNECTED'), {}))).toBe('unreachable');
    expect(updateErrorCode(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe('unreachable');
    expect(updateErrorCode(new UpdateFailure('corrupt', 'x'))).toBe('corrupt');
    expect(updateErrorCode('something else')).toBe('unknown');
  });
});
