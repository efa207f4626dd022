import pg from 'pg';
import type { ChangeEntry } from '../localLog';
import { newerSchemaError, SERVER_SCHEMA_VERSION, serverPort, tlsOptions, toEntry, type ChangeRow, type ConnectOptions, type RemoteStore, type ServerEntry } from './remoteStore';

/** Each step takes the schema from the version before it to its index + 1 (PostgreSQL's DDL is transactional). */
const MIGRATIONS: string[][] = [
  [
    `CREATE TABLE IF NOT EXISTS brook_sync_changes (
       seq BIGSERIAL PRIMARY KEY,
       device_id VARCHAR(64) NOT NULL,
       device_seq BIGINT NOT NULL,
       kind VARCHAR(16) NOT NULL,
       entity_id VARCHAR(128) NOT NULL,
       field VARCHAR(32) NOT NULL,
       hlc VARCHAR(100) NOT NULL,
       value TEXT NOT NULL,
       CONSTRAINT brook_sync_device_seq UNIQUE (device_id, device_seq)
     )`,
  ],
];

/** PostgreSQL, through pg. */
export class PostgresStore implements RemoteStore {
  private constructor(private readonly client: pg.Client) {}

  static async connect({ server, password, connectTimeoutMs = 10_000 }: ConnectOptions): Promise<PostgresStore> {
    const ssl = tlsOptions(server);
    const client = new pg.Client({
      host: server.host,
      port: serverPort(server),
      user: server.user,
      password,
      database: server.database,
      connectionTimeoutMillis: connectTimeoutMs,
      ssl: ssl ?? false,
    });
    // A dropped connection must reject the call in flight, not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return new PostgresStore(client);
  }

  private async inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.client.query('BEGIN');
    try {
      const result = await fn();
      await this.client.query('COMMIT');
      return result;
    } catch (err) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  async prepare(): Promise<number> {
    await this.client.query('CREATE TABLE IF NOT EXISTS brook_sync_meta (name VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)');
    await this.client.query("INSERT INTO brook_sync_meta (name, value) VALUES ('schema_version', '0') ON CONFLICT (name) DO NOTHING");
    return await this.inTransaction(async () => {
      const { rows } = await this.client.query<{ value: string }>("SELECT value FROM brook_sync_meta WHERE name = 'schema_version' FOR UPDATE");
      const found = Number(rows[0]?.value ?? 0);
      if (found > SERVER_SCHEMA_VERSION) throw newerSchemaError(found);
      for (let v = found; v < SERVER_SCHEMA_VERSION; v++) {
        for (const sql of MIGRATIONS[v] ?? []) await this.client.query(sql);
        await this.client.query("UPDATE brook_sync_meta SET value = $1 WHERE name = 'schema_version'", [String(v + 1)]);
      }
      return Math.max(found, SERVER_SCHEMA_VERSION);
    });
  }

  async getMeta(name: string): Promise<string | null> {
    const { rows } = await this.client.query<{ value: string }>('SELECT value FROM brook_sync_meta WHERE name = $1', [name]);
    return rows[0]?.value ?? null;
  }

  async initMeta(name: string, value: string): Promise<string> {
    await this.client.query('INSERT INTO brook_sync_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, value]);
    return (await this.getMeta(name)) ?? value;
  }

  async lastDeviceSeq(deviceId: string): Promise<number> {
    const { rows } = await this.client.query<{ m: string | null }>('SELECT MAX(device_seq) AS m FROM brook_sync_changes WHERE device_id = $1', [deviceId]);
    return Number(rows[0]?.m ?? 0);
  }

  async push(entries: ChangeEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.inTransaction(async () => {
      // Readers go on; only other pushes wait, so sequence numbers commit in order.
      await this.client.query('LOCK TABLE brook_sync_changes IN EXCLUSIVE MODE');
      const values: unknown[] = [];
      const tuples = entries.map((e, i) => {
        values.push(e.deviceId, e.deviceSeq, e.kind, e.entityId, e.field, e.hlc, e.value);
        const b = i * 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await this.client.query(
        `INSERT INTO brook_sync_changes (device_id, device_seq, kind, entity_id, field, hlc, value) VALUES ${tuples.join(', ')}
         ON CONFLICT (device_id, device_seq) DO NOTHING`,
        values,
      );
    });
  }

  async pull(afterSeq: number, notDevice: string, limit: number): Promise<ServerEntry[]> {
    const { rows } = await this.client.query<ChangeRow>(
      'SELECT * FROM brook_sync_changes WHERE seq > $1 AND device_id <> $2 ORDER BY seq LIMIT $3',
      [afterSeq, notDevice, limit],
    );
    return rows.map(toEntry);
  }

  async countAfter(afterSeq: number, notDevice: string): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>('SELECT COUNT(*) AS n FROM brook_sync_changes WHERE seq > $1 AND device_id <> $2', [afterSeq, notDevice]);
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
