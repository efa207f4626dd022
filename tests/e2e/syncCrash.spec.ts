import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HistoryStore } from '../../src/main/core/history/HistoryStore';
import { startServer, type DbServer } from '../support/dbServers';
import { serverSettings, syncDevice } from '../support/syncDevices';
import { WsContractClient } from '../support/wsContractClient';
import { startBrook, type BrookProcess } from './support/brookProcess';

const MESSAGES = 10_000;

function fillHistory(file: string): void {
  const store = new HistoryStore({ file });
  const db = store.database;
  db.transaction(() => {
    for (let c = 0; c < MESSAGES / 100; c++) {
      const id = randomUUID();
      db.prepare('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, `conversation ${c}`, c, c);
      let parent: string | null = null;
      for (let m = 0; m < 100; m++) {
        const mid = randomUUID();
        db.prepare(`INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'done', ?, ?)`)
          .run(mid, id, parent, m % 2 ? 'assistant' : 'user', `message ${c}.${m}`, c * 1000 + m, c * 1000 + m);
        parent = mid;
      }
    }
  })();
  store.close();
}

async function connect(brook: BrookProcess): Promise<WsContractClient> {
  const url = new URL(brook.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  return await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
}

/** Brook killed (SIGKILL) in the middle of a first sync, started again: the sync continues and nothing is lost or doubled. */
test('Brook killed mid-sync continues at the next start', async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-e2e-sync-crash-'));
  fillHistory(join(dataDir, 'brook.sqlite'));
  let server: DbServer | null = null;
  let brook: BrookProcess | null = null;
  try {
    server = await startServer('mysql');
    const target = serverSettings(server, server.database);
    const settings = { ...target, enabled: true, deviceName: 'desk', intervalMinutes: 60, encrypt: false };
    const countOnServer = () => Number(server!.admin('SELECT COUNT(*) FROM brook_sync_changes', target.database).trim());

    brook = await startBrook(dataDir);
    let api = await connect(brook);
    const midway = api.waitFor('sync.statusChanged', (s) => s.progress !== null && s.progress.done >= 1000 && s.progress.done < s.progress.total / 2, 120_000);
    await api.request('sync.saveSettings', { settings, password: server.password });
    await midway;
    await brook.crash();
    api.close();
    const partly = countOnServer();
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(MESSAGES);

    brook = await startBrook(dataDir);
    api = await connect(brook);
    const status = await api.request('sync.now', {});
    expect(status.error).toBeNull();
    expect(status.pending).toBe(0);
    api.close();
    await brook.stop();
    brook = null;
    // Every message and conversation once: the server's (device, number) key refuses a change sent twice.
    expect(countOnServer()).toBe(MESSAGES + MESSAGES / 100);

    const laptop = syncDevice();
    await laptop.sync(target, server.password, { batchSize: 1000 });
    const desk = syncDevice(join(dataDir, 'brook.sqlite'));
    expect(laptop.dump()).toEqual(desk.dump());
    expect(laptop.dump().messages).toHaveLength(MESSAGES);
  } finally {
    await brook?.stop();
    await server?.destroy();
  }
});
