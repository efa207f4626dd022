import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type DbServer, type ServerKind } from '../../support/dbServers';
import { addTurn, serverSettings, syncDevice, type SyncDevice } from '../../support/syncDevices';

/**
 * Two and three Brook histories syncing through a real MariaDB and a real PostgreSQL server
 * (started here, on 127.0.0.1, in a temporary folder) with interleaved edits, renames,
 * deletes and purges, ending identical.
 */

// Real servers on a shared machine: a sync test may take seconds, never a minute.
vi.setConfig({ testTimeout: 60_000 });
describe.each<ServerKind>(['mysql', 'postgres'])('sync through %s', (kind) => {
  let server: DbServer;
  let n = 0;
  const freshDatabase = () => {
    const name = `t_merge_${++n}`;
    server.createDatabase(name);
    return serverSettings(server, name);
  };

  beforeAll(async () => {
    server = await startServer(kind);
  }, 60_000);
  afterAll(async () => {
    await server?.destroy();
  });

  const syncAll = async (devices: SyncDevice[], target: ReturnType<typeof freshDatabase>) => {
    for (const d of devices) await d.sync(target, server.password);
  };

  it('two devices with interleaved renames, pins, a branch switch, deletes and a purge end identical', async () => {
    const target = freshDatabase();
    const a = syncDevice();
    const b = syncDevice();
    const c1 = a.history.createConversation({ title: 'first' });
    addTurn(a, c1.id, 'hello', 'hi there');
    const c3 = a.history.createConversation({ title: 'doomed' });
    addTurn(a, c3.id, 'q', 'a');
    await syncAll([a, b], target);
    expect(b.dump()).toEqual(a.dump());

    // Offline on both: b renames, then a renames later (a's rename is the last writer).
    b.history.renameConversation(c1.id, 'renamed on b');
    await new Promise((r) => setTimeout(r, 5));
    a.history.renameConversation(c1.id, 'renamed on a');
    b.history.setPinned(c1.id, true);
    // b answers again in c1 and a adds a second branch to the same question.
    addTurn(b, c1.id, 'more', 'sure');
    const firstQuestion = a.history.visiblePath(c1.id)[0]!;
    const sibling = a.history.appendMessage({ conversationId: c1.id, parentId: null, role: 'user', content: 'edited hello', status: 'done' });
    a.history.switchBranch(c1.id, firstQuestion.id);
    expect(sibling.parentId).toBeNull();
    // b deletes c3 for good while a still writes in it: the tombstone wins.
    b.history.softDeleteConversation(c3.id);
    b.history.purgeConversation(c3.id, b.history.database.prepare('SELECT deleted_at FROM conversations WHERE id = ?').pluck().get(c3.id) as number);
    addTurn(a, c3.id, 'still here?', 'no');
    const c2 = b.history.createConversation({ title: 'from b' });
    addTurn(b, c2.id, 'x', 'y');

    await syncAll([b, a, b], target);
    expect(a.dump()).toEqual(b.dump());
    const titles = a.history.listConversations().map((c) => c.title).sort();
    expect(titles).toEqual(['from b', 'renamed on a']);
    expect(a.history.getConversation(c1.id)?.pinned).toBe(true);
    expect(a.history.getConversation(c3.id)).toBeNull();
    expect(a.dump().messages.filter((m) => (m as { conversation_id: string }).conversation_id === c1.id)).toHaveLength(5);
    expect(a.log.pendingCount()).toBe(0);
  });

  it('three devices in random rounds and random order end identical', async () => {
    const target = freshDatabase();
    const devices = [syncDevice(), syncDevice(), syncDevice()];
    let seed = kind === 'mysql' ? 7 : 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
    for (let round = 0; round < 6; round++) {
      for (const d of devices) {
        for (let op = 0; op < 4; op++) {
          const conversations = d.history.listConversations();
          const target = pick(conversations);
          const roll = random();
          if (!target || roll < 0.2) addTurn(d, d.history.createConversation({ title: `r${round}` }).id, `q${round}`, `a${op}`);
          else if (roll < 0.45) d.history.renameConversation(target.id, `t${round}.${op}.${random().toFixed(3)}`);
          else if (roll < 0.6) d.history.setArchived(target.id, !target.archived);
          else if (roll < 0.7) d.history.softDeleteConversation(target.id);
          else if (roll < 0.75) d.history.deleteConversation(target.id);
          else addTurn(d, target.id, `more ${round}`, `reply ${op}`);
        }
      }
      const order = [...devices].sort(() => random() - 0.5);
      for (const d of order.slice(0, 2)) await d.sync(target, server.password);
    }
    await syncAll(devices, target);
    await syncAll(devices, target);
    const [first, ...rest] = devices.map((d) => d.dump());
    expect(first!.conversations.length).toBeGreaterThan(3);
    for (const other of rest) expect(other).toEqual(first);
  });
});
