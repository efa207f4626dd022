import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { en, zhCN } from '../../../src/shared/i18n/resources';
import { freePort, startServer, type DbServer, type ServerKind } from '../../support/dbServers';
import { addTurn, serverSettings, syncDevice, type SyncDevice } from '../../support/syncDevices';

/** The sync error a promise ends with; its message exists in both languages. */
async function failure(run: Promise<unknown>): Promise<string> {
  const err = await run.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  const key = (err as AppError).messageKey;
  const [section, group, name] = key.split('.');
  expect(section).toBe('sync');
  expect(group).toBe('errors');
  expect(en.sync.errors[name as keyof typeof en.sync.errors]).toBeTruthy();
  expect(zhCN.sync.errors[name as keyof typeof zhCN.sync.errors]).toBeTruthy();
  return key;
}

function withHistory(turns: number): { device: SyncDevice; conversationId: string } {
  const device = syncDevice();
  const conversationId = device.history.createConversation({ title: 'kept' }).id;
  device.log.setUp(randomUUID());
  for (let i = 0; i < turns; i++) addTurn(device, conversationId, `question ${i}`, `answer ${i}`);
  return { device, conversationId };
}


// Real servers on a shared machine: a sync test may take seconds, never a minute.
vi.setConfig({ testTimeout: 60_000 });
describe.each<ServerKind>(['mysql', 'postgres'])('sync failures with %s', (kind) => {
  let server: DbServer;
  let n = 0;
  const freshDatabase = () => {
    const name = `t_fail_${++n}`;
    server.createDatabase(name);
    return serverSettings(server, name);
  };

  beforeAll(async () => {
    server = await startServer(kind);
  }, 60_000);
  afterAll(async () => {
    await server?.destroy();
  });

  it('a wrong password, an unreachable host and an unverified certificate are clear errors and lose nothing', async () => {
    const target = freshDatabase();
    const { device } = withHistory(3);
    const before = device.dump();
    const pending = device.log.pendingCount();
    expect(await failure(device.sync(target, 'wrong password'))).toBe('sync.errors.auth');
    expect(await failure(device.sync({ ...target, port: await freePort() }, server.password))).toBe('sync.errors.unreachable');
    expect(await failure(device.sync({ ...target, caFile: '' }, server.password))).toBe('sync.errors.tls');
    expect(await failure(device.sync({ ...target, caFile: '/nonexistent/ca.pem' }, server.password))).toBe('sync.errors.caFile');
    expect(device.dump()).toEqual(before);
    expect(device.log.pendingCount()).toBe(pending);
    // Not verifying is the user's explicit choice; then it connects, and everything goes up.
    await device.sync({ ...target, caFile: '', tls: 'noVerify' }, server.password);
    expect(device.log.pendingCount()).toBe(0);
  });

  it('refuses a database whose Brook schema is newer, touching nothing', async () => {
    const target = freshDatabase();
    const { device } = withHistory(2);
    await device.sync(target, server.password);
    server.admin("UPDATE brook_sync_meta SET value = '99' WHERE name = 'schema_version'", target.database);
    addTurn(device, device.history.listConversations()[0]!.id, 'later', 'reply');
    const before = device.dump();
    const pending = device.log.pendingCount();
    const serverRows = server.admin('SELECT COUNT(*) FROM brook_sync_changes', target.database).trim();
    expect(await failure(device.sync(target, server.password))).toBe('sync.errors.schemaNewer');
    expect(server.admin('SELECT COUNT(*) FROM brook_sync_changes', target.database).trim()).toBe(serverRows);
    expect(device.dump()).toEqual(before);
    expect(device.log.pendingCount()).toBe(pending);
    expect(pending).toBeGreaterThanOrEqual(2);
  });

  it('encrypts before anything leaves; a wrong or missing passphrase changes nothing', async () => {
    const target = freshDatabase();
    const { device: a } = withHistory(2);
    a.history.renameConversation(a.history.listConversations()[0]!.id, 'secret title');
    await a.sync(target, server.password, { passphrase: 'correct horse' });
    const stored = server.admin('SELECT value FROM brook_sync_changes', target.database);
    expect(stored).not.toMatch(/secret title|question 0|answer 1/);

    const { device: b } = withHistory(1);
    const before = b.dump();
    expect(await failure(b.sync(target, server.password, { passphrase: 'wrong horse' }))).toBe('sync.errors.wrongPassphrase');
    expect(await failure(b.sync(target, server.password))).toBe('sync.errors.passphraseNeeded');
    expect(b.dump()).toEqual(before);
    expect(b.log.pendingCount()).toBeGreaterThan(0);

    await b.sync(target, server.password, { passphrase: 'correct horse' });
    await a.sync(target, server.password, { passphrase: 'correct horse' });
    expect(b.dump()).toEqual(a.dump());
    expect(b.history.listConversations().map((c) => c.title)).toContain('secret title');
  });

  it('the server killed mid-sync, then restarted: the next sync continues and nothing is lost', async () => {
    const target = freshDatabase();
    const { device: a } = withHistory(150);
    let batches = 0;
    const stopped = a.sync(target, server.password, {
      batchSize: 40,
      betweenBatches: async () => {
        if (++batches === 3) await server.stop('SIGKILL');
      },
    });
    expect(await failure(stopped)).toBe('sync.errors.unreachable');
    expect(a.log.pendingCount()).toBeGreaterThan(0);
    await server.start();
    await a.sync(target, server.password);
    expect(a.log.pendingCount()).toBe(0);
    const b = syncDevice();
    await b.sync(target, server.password);
    expect(b.dump()).toEqual(a.dump());
    expect(b.dump().messages).toHaveLength(300);
  });

  it('Brook stopped mid-pull and reopened from its file continues where it stopped', async () => {
    const target = freshDatabase();
    const { device: a } = withHistory(100);
    await a.sync(target, server.password);
    const b = syncDevice();
    let batches = 0;
    const crash = new Error('process gone');
    const stopped = b.sync(target, server.password, {
      batchSize: 30,
      betweenBatches: (phase) => {
        if (phase === 'pull' && ++batches === 2) throw crash;
      },
    });
    await expect(stopped).rejects.toBeTruthy();
    const partly = b.dump().messages.length;
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(200);
    b.history.close();
    const reopened = syncDevice(b.file);
    await reopened.sync(target, server.password);
    expect(reopened.dump()).toEqual(a.dump());
  });
});
