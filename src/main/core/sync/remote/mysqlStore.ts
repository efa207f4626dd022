import mysql from 'mysql2/promise';
import type { ChangeEntry } from '../localLog';
import { newerSchemaError, SERVER_SCHEMA_VERSION, serverPort, tlsOptions, toEntry, type ChangeRow, type ConnectOptions, type RemoteStore, type ServerEntry } from './remoteStore';

/** Each step takes the schema from the version before it to its index + 1. */
const MIGRATIONS: string[][] = [
  [
    `CREATE TABLE IF NOT EXISTS brook_sync_changes (
       seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
       device_id VARCHAR(64) NOT NULL,
       device_seq BIGINT NOT NULL,
       kind VARCHAR(16) NOT NULL,
       entity_id VARCHAR(128) NOT NULL,
       field VARCHAR(32) NOT NULL,
       hlc VARCHAR(100) NOT NULL,
       value LONGTEXT NOT NULL,
       UNIQUE KEY brook_sync_device_seq (device_id, device_seq)
     ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
  ],
];

/** MySQL and MariaDB, through mysql2. */
export class MysqlStore implements RemoteStore {
  private constructor(private readonly conn: mysql.Connection) {}

  static async connect({ server, password, connectTimeoutMs = 10_000 }: ConnectOptions): Promise<MysqlStore> {
    const ssl = tlsOptions(server);
    const conn = await mysql.createConnection({
      host: server.host,
      port: serverPort(server),
      user: server.user,
      password,
      database: server.database,
      connectTimeout: connectTimeoutMs,
      charset: 'utf8mb4',
      supportBigNumbers: true,
      ...(ssl ? { ssl } : {}),
    });
    // A dropped connection must reject the call in flight, not crash the process.
    conn.on('error', () => undefined);
    return new MysqlStore(conn);
  }

  async prepare(): Promise<number> {
    await this.conn.query(
      `CREATE TABLE IF NOT EXISTS brook_sync_meta (name VARCHAR(64) NOT NULL PRIMARY KEY, value TEXT NOT NULL)
       ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`,
    );
    await this.conn.query("INSERT IGNORE INTO brook_sync_meta (name, value) VALUES ('schema_version', '0')");
    await this.conn.beginTransaction();
    try {
      const [rows] = await this.conn.query("SELECT value FROM brook_sync_meta WHERE name = 'schema_version' FOR UPDATE");
      const found = Number((rows as { value: string }[])[0]?.value ?? 0);
      if (found > SERVER_SCHEMA_VERSION) throw newerSchemaError(found);
      // MySQL commits DDL implicitly; every step is idempotent (IF NOT EXISTS), so a crash between is harmless.
      for (let v = found; v < SERVER_SCHEMA_VERSION; v++) {
        for (const sql of MIGRATIONS[v] ?? []) await this.conn.query(sql);
        await this.conn.query("UPDATE brook_sync_meta SET value = ? WHERE name = 'schema_version'", [String(v + 1)]);
      }
      await this.conn.commit();
      return Math.max(found, SERVER_SCHEMA_VERSION);
    } catch (err) {
      await this.conn.rollback().catch(() => undefined);
      throw err;
    }
  }

  async getMeta(name: string): Promise<string | null> {
    const [rows] = await this.conn.query('SELECT value FROM brook_sync_meta WHERE name = ?', [name]);
    return (rows as { value: string }[])[0]?.value ?? null;
  }

  async initMeta(name: string, value: string): Promise<string> {
    await this.conn.query('INSERT IGNORE INTO brook_sync_meta (name, value) VALUES (?, ?)', [name, value]);
    return (await this.getMeta(name)) ?? value;
  }

  async lastDeviceSeq(deviceId: string): Promise<number> {
    const [rows] = await this.conn.query('SELECT MAX(device_seq) AS m FROM brook_sync_changes WHERE device_id = ?', [deviceId]);
    return Number((rows as { m: number | string | null }[])[0]?.m ?? 0);
  }

  async push(entries: ChangeEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.conn.beginTransaction();
    try {
      await this.conn.query("SELECT value FROM brook_sync_meta WHERE name = 'schema_version' FOR UPDATE");
      await this.conn.query(
        'INSERT IGNORE INTO brook_sync_changes (device_id, device_seq, kind, entity_id, field, hlc, value) VALUES ?',
        [entries.map((e) => [e.deviceId, e.deviceSeq, e.kind, e.entityId, e.field, e.hlc, e.value])],
      );
      await this.conn.commit();
    } catch (err) {
      await this.conn.rollback().catch(() => undefined);
      throw err;
    }
  }

  async pull(afterSeq: number, notDevice: string, limit: number): Promise<ServerEntry[]> {
    const [rows] = await this.conn.query(
      'SELECT * FROM brook_sync_changes WHERE seq > ? AND device_id <> ? ORDER BY seq LIMIT ?',
      [afterSeq, notDevice, limit],
    );
    return (rows as ChangeRow[]).map(toEntry);
  }

  async countAfter(afterSeq: number, notDevice: string): Promise<number> {
    const [rows] = await this.conn.query('SELECT COUNT(*) AS n FROM brook_sync_changes WHERE seq > ? AND device_id <> ?', [afterSeq, notDevice]);
    return Number((rows as { n: number | string }[])[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.conn.end().catch(() => this.conn.destroy());
  }
}
