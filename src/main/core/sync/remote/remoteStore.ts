import { readFileSync } from 'node:fs';
import type { SyncServer } from '../../../../shared/contract/sync';
import { DEFAULT_SYNC_PORTS } from '../../../../shared/contract/sync';
import { AppError } from '../../../../shared/errors';
import type { ChangeEntry } from '../localLog';

/** The version of Brook's tables on the server that this build writes. */
export const SERVER_SCHEMA_VERSION = 1;

/** A change as the server returns it: its place in the server's one order. */
export interface ServerEntry extends ChangeEntry {
  seq: number;
}

/**
 * Brook's tables in the user's database server — `brook_sync_meta` and
 * `brook_sync_changes`, never any other table. Every write is one transaction; a push takes
 * the server's push lock first, so sequence numbers become visible in order and a pull
 * cursor never steps over a change still being written.
 */
export interface RemoteStore {
  /** Creates or upgrades Brook's tables; refuses a schema newer than this build knows. Returns the version. */
  prepare(): Promise<number>;
  getMeta(name: string): Promise<string | null>;
  /** Sets `name` unless it is set already; returns the value the server keeps. */
  initMeta(name: string, value: string): Promise<string>;
  /** The highest `deviceSeq` of this device the server has (0 for none). */
  lastDeviceSeq(deviceId: string): Promise<number>;
  push(entries: ChangeEntry[]): Promise<void>;
  pull(afterSeq: number, notDevice: string, limit: number): Promise<ServerEntry[]>;
  countAfter(afterSeq: number, notDevice: string): Promise<number>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  server: SyncServer;
  password: string;
  connectTimeoutMs?: number;
}

export function serverPort(server: SyncServer): number {
  return server.port ?? DEFAULT_SYNC_PORTS[server.kind];
}

/** The TLS options both clients take (node's tls): verified by default, against the CA file if one is given. */
export function tlsOptions(server: SyncServer): { rejectUnauthorized: boolean; ca?: string } | undefined {
  if (server.tls === 'off') return undefined;
  if (server.tls === 'noVerify') return { rejectUnauthorized: false };
  if (!server.caFile) return { rejectUnauthorized: true };
  try {
    return { rejectUnauthorized: true, ca: readFileSync(server.caFile, 'utf8') };
  } catch (err) {
    throw new AppError('bad_request', { messageKey: 'sync.errors.caFile', params: { file: server.caFile }, retryable: false, cause: err });
  }
}

export function newerSchemaError(found: number): AppError {
  return new AppError('bad_request', {
    messageKey: 'sync.errors.schemaNewer',
    params: { found, known: SERVER_SCHEMA_VERSION },
    retryable: false,
  });
}

/** A row of brook_sync_changes as either client returns it (BIGINTs may come as strings). */
export interface ChangeRow {
  seq: number | string;
  device_id: string;
  device_seq: number | string;
  kind: 'conversation' | 'message';
  entity_id: string;
  field: string;
  hlc: string;
  value: string;
}

export function toEntry(r: ChangeRow): ServerEntry {
  return {
    seq: Number(r.seq),
    deviceId: r.device_id,
    deviceSeq: Number(r.device_seq),
    kind: r.kind,
    entityId: r.entity_id,
    field: r.field,
    hlc: r.hlc,
    value: r.value,
  };
}
