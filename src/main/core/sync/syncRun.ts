import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SyncServer } from '../../../shared/contract/sync';
import { applyRemote } from './applyRemote';
import { negotiateCodec, type ValueCodec } from './e2ee';
import { LocalLog, type ChangeEntry } from './localLog';
import type { RemoteStore } from './remote/remoteStore';
import { syncError } from './syncErrors';

export interface SyncRunOptions {
  /** The history's connection, read at each step (a restore from backup replaces it). */
  db: () => Database.Database;
  server: SyncServer;
  password: string;
  passphrase: string | null;
  onProgress?: (done: number, total: number) => void;
  /** Changes per server transaction. */
  batchSize?: number;
  /** Called between batches; throwing stops the run there (what a crash would leave). */
  betweenBatches?: (phase: 'push' | 'pull') => void | Promise<void>;
}

export interface SyncRunResult {
  pushed: number;
  pulled: number;
  /** Conversations a pulled change touched (the windows reload their list). */
  changed: string[];
}

const MAX_BATCH_BYTES = 4 * 1024 * 1024;

export async function connectRemote(server: SyncServer, password: string): Promise<RemoteStore> {
  try {
    // mysql2 and pg cost ~70 ms to load: only a device that syncs pays it, and only when it does.
    if (server.kind === 'mysql') return await (await import('./remote/mysqlStore')).MysqlStore.connect({ server, password });
    return await (await import('./remote/postgresStore')).PostgresStore.connect({ server, password });
  } catch (err) {
    throw syncError(err);
  }
}

/**
 * One sync: agree on the schema and on encryption, push what the server lacks, pull what the
 * device lacks. Each batch is one server transaction (push) or one SQLite transaction with the
 * cursor (pull), so a run stopped anywhere — Brook or the server killed — loses nothing and
 * the next run continues from the last committed batch.
 */
export async function runSync(options: SyncRunOptions): Promise<SyncRunResult> {
  const log = new LocalLog(options.db);
  if (!log.deviceId) log.setUp(randomUUID());
  const deviceId = log.deviceId ?? '';
  const remote = await connectRemote(options.server, options.password);
  try {
    await remote.prepare();
    const codec = await negotiateCodec(remote, options.passphrase);
    log.stamp();
    const serverHas = await remote.lastDeviceSeq(deviceId);
    log.moveAbove(serverHas);
    log.dropPushed(serverHas);
    const total = log.pendingCount() + (await remote.countAfter(log.pulledSeq, deviceId));
    const progress = { done: 0, total, report: options.onProgress ?? (() => undefined) };
    progress.report(0, total);
    const pushed = await pushAll(log, remote, codec, options, progress);
    const changed = new Set<string>();
    const pulled = await pullAll(log, remote, codec, options, progress, changed);
    return { pushed, pulled, changed: [...changed] };
  } catch (err) {
    throw syncError(err);
  } finally {
    await remote.close();
  }
}

interface Progress {
  done: number;
  total: number;
  report: (done: number, total: number) => void;
}

async function pushAll(log: LocalLog, remote: RemoteStore, codec: ValueCodec, options: SyncRunOptions, progress: Progress): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let pushed = 0;
  let after = 0;
  for (;;) {
    const batch = log.readStamped(after, batchSize, MAX_BATCH_BYTES);
    if (batch.length === 0) return pushed;
    const sealed: ChangeEntry[] = batch.map((e) => ({ ...e, value: codec.encode(e, e.value) }));
    await remote.push(sealed);
    after = batch[batch.length - 1]!.deviceSeq;
    log.dropPushed(after);
    pushed += batch.length;
    progress.done += batch.length;
    progress.report(progress.done, Math.max(progress.total, progress.done));
    await options.betweenBatches?.('push');
  }
}

async function pullAll(
  log: LocalLog,
  remote: RemoteStore,
  codec: ValueCodec,
  options: SyncRunOptions,
  progress: Progress,
  changed: Set<string>,
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const deviceId = log.deviceId ?? '';
  let pulled = 0;
  for (;;) {
    const batch = await remote.pull(log.pulledSeq, deviceId, batchSize);
    if (batch.length === 0) return pulled;
    const decode = (e: ChangeEntry) => JSON.parse(codec.decode(e)) as Record<string, unknown>;
    for (const id of applyRemote(options.db(), log, batch, decode, batch[batch.length - 1]!.seq)) changed.add(id);
    pulled += batch.length;
    progress.done += batch.length;
    progress.report(progress.done, Math.max(progress.total, progress.done));
    await options.betweenBatches?.('pull');
  }
}
