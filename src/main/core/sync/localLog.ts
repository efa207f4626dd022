import type Database from 'better-sqlite3';
import { conversationRowJson, messageRowJson } from '../history';
import { HybridClock } from './hlc';

/** One change as it travels: the device's own sequence number orders and deduplicates it. */
export interface ChangeEntry {
  deviceId: string;
  deviceSeq: number;
  kind: 'conversation' | 'message';
  entityId: string;
  field: string;
  hlc: string;
  /** JSON (plain), or the encrypted form of that JSON. */
  value: string;
}

interface OutboxRow {
  seq: number;
  kind: 'conversation' | 'message';
  entity_id: string;
  field: string;
  value: string;
  changed_at: number;
  hlc: string | null;
}

const NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

/**
 * The device's side of the change log (tables of migration 008): its id, its clock, the
 * changes not yet on the server and the pull cursor. Every method is one SQLite transaction,
 * so a crash leaves either before or after, never between.
 */
export class LocalLog {
  constructor(private readonly db: () => Database.Database) {}

  get deviceId(): string | null {
    return this.state('device_id');
  }

  /**
   * Sync starts recording on this device: from now on the triggers log every change, and
   * the history already here is logged once (conversations, then messages oldest first, so
   * a parent always precedes its replies).
   */
  setUp(deviceId: string): void {
    const db = this.db();
    db.transaction(() => {
      if (this.state('device_id')) return;
      this.setState('device_id', deviceId);
      db.exec(`
        INSERT INTO sync_outbox (kind, entity_id, field, value, changed_at)
          SELECT 'conversation', c.id, 'created', ${conversationRowJson('c')}, ${NOW_MS} FROM conversations c ORDER BY c.created_at, c.rowid;
        INSERT INTO sync_outbox (kind, entity_id, field, value, changed_at)
          SELECT 'message', m.id, 'row', ${messageRowJson('m')}, ${NOW_MS} FROM messages m
          WHERE m.status <> 'streaming' ORDER BY m.created_at, m.rowid;
      `);
      this.setState('recording', '1');
    })();
  }

  /** Gives every unstamped local change its clock and records it as the field's latest local clock. */
  stamp(): void {
    const db = this.db();
    db.transaction(() => {
      const deviceId = this.state('device_id');
      if (!deviceId) return;
      const rows = db.prepare('SELECT seq, changed_at FROM sync_outbox WHERE hlc IS NULL ORDER BY seq').all() as Pick<OutboxRow, 'seq' | 'changed_at'>[];
      if (rows.length === 0) return;
      const clock = new HybridClock(deviceId, this.state('hlc'));
      const setHlc = db.prepare('UPDATE sync_outbox SET hlc = ? WHERE seq = ? RETURNING kind, entity_id, field');
      const setClock = db.prepare(
        `INSERT INTO sync_clocks (kind, entity_id, field, hlc) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, entity_id, field) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > sync_clocks.hlc`,
      );
      for (const row of rows) {
        const hlc = clock.tick(row.changed_at);
        const change = setHlc.get(hlc, row.seq) as Pick<OutboxRow, 'kind' | 'entity_id' | 'field'>;
        setClock.run(change.kind, change.entity_id, change.field, hlc);
      }
      this.setState('hlc', clock.current);
    })();
  }

  /** Stamped changes after `afterSeq`, oldest first, up to `limit` rows or about `maxBytes` of values. */
  readStamped(afterSeq: number, limit: number, maxBytes: number): ChangeEntry[] {
    const deviceId = this.deviceId ?? '';
    const rows = this.db()
      .prepare('SELECT * FROM sync_outbox WHERE seq > ? AND hlc IS NOT NULL ORDER BY seq LIMIT ?')
      .all(afterSeq, limit) as OutboxRow[];
    const entries: ChangeEntry[] = [];
    let bytes = 0;
    for (const row of rows) {
      if (entries.length > 0 && bytes + row.value.length > maxBytes) break;
      bytes += row.value.length;
      entries.push({ deviceId, deviceSeq: row.seq, kind: row.kind, entityId: row.entity_id, field: row.field, hlc: row.hlc ?? '', value: row.value });
    }
    return entries;
  }

  /**
   * The server already has this device's changes up to `serverHas`, but this file numbers
   * below that: it was restored from an older backup. Its changes move above, so none is
   * mistaken for one the server has (a change sent twice is harmless: same clock, same value).
   */
  moveAbove(serverHas: number): void {
    const db = this.db();
    db.transaction(() => {
      const issued = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").pluck().get() as number | undefined) ?? 0;
      if (issued >= serverHas) return;
      db.prepare('UPDATE sync_outbox SET seq = -seq').run();
      db.prepare('UPDATE sync_outbox SET seq = ? - seq').run(serverHas);
      const top = (db.prepare('SELECT MAX(seq) FROM sync_outbox').pluck().get() as number | null) ?? serverHas;
      if (db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_outbox'").run(top).changes === 0) {
        db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_outbox', ?)").run(top);
      }
    })();
  }

  /** The server has every change up to `seq`: they leave the outbox. */
  dropPushed(seq: number): void {
    this.db().prepare('DELETE FROM sync_outbox WHERE seq <= ?').run(seq);
  }

  pendingCount(): number {
    if (!this.deviceId) return 0;
    return this.db().prepare('SELECT COUNT(*) FROM sync_outbox').pluck().get() as number;
  }

  get pulledSeq(): number {
    return Number(this.state('pulled_seq') ?? 0);
  }

  state(key: string): string | null {
    const value = this.db().prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined;
    return value ?? null;
  }

  setState(key: string, value: string): void {
    this.db()
      .prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }
}
