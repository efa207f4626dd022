/**
 * Sync (issue 18): the history synced through the user's own MySQL/MariaDB or PostgreSQL
 * server. The settings here are local to the device and never synced; the password and the
 * encryption passphrase live in the secret store and never cross to the window.
 */
import { z } from 'zod';
import type { AppErrorData } from '../errors';
import { empty, payload, req } from './define';

export const SYNC_SERVER_KINDS = ['mysql', 'postgres'] as const;
export type SyncServerKind = (typeof SYNC_SERVER_KINDS)[number];
/** verify: TLS with the certificate checked (the default); noVerify: TLS without the check; off: no TLS. */
export const SYNC_TLS_MODES = ['verify', 'noVerify', 'off'] as const;
export type SyncTlsMode = (typeof SYNC_TLS_MODES)[number];

export const DEFAULT_SYNC_PORTS: Record<SyncServerKind, number> = { mysql: 3306, postgres: 5432 };

export const syncServerSchema = z.object({
  kind: z.enum(SYNC_SERVER_KINDS),
  host: z.string().trim().max(255),
  /** null: the server kind's usual port. */
  port: z.number().int().min(1).max(65535).nullable(),
  database: z.string().trim().max(64),
  user: z.string().trim().max(128),
  tls: z.enum(SYNC_TLS_MODES),
  /** A PEM file with the certificate authority to trust ('' for the system's). */
  caFile: z.string().trim().max(4096),
});
export type SyncServer = z.infer<typeof syncServerSchema>;

export const syncSettingsSchema = syncServerSchema.extend({
  enabled: z.boolean(),
  deviceName: z.string().trim().max(64),
  intervalMinutes: z.number().int().min(1).max(1440),
  /** End-to-end encryption with the passphrase kept in this device's secret store. */
  encrypt: z.boolean(),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  enabled: false,
  kind: 'postgres',
  host: '',
  port: null,
  database: 'brook',
  user: '',
  tls: 'verify',
  caFile: '',
  deviceName: '',
  intervalMinutes: 5,
  encrypt: false,
};

/** undefined keeps the stored secret, null or '' clears it. Any characters: it never goes in a header. */
const syncSecret = z.string().max(1024).nullable().optional();

export interface SyncSettingsView {
  settings: SyncSettings;
  hasPassword: boolean;
  hasPassphrase: boolean;
  deviceId: string | null;
}

export interface SyncStatus {
  state: 'off' | 'idle' | 'syncing' | 'error';
  lastSyncAt: number | null;
  /** Local changes not yet on the server. */
  pending: number;
  /** While a sync moves many changes (a first sync): done of total. */
  progress: { done: number; total: number } | null;
  error: AppErrorData | null;
}

export const syncStatusSchema = payload<SyncStatus>()(
  z.object({
    state: z.enum(['off', 'idle', 'syncing', 'error']),
    lastSyncAt: z.number().nullable(),
    pending: z.number(),
    progress: z.object({ done: z.number(), total: z.number() }).nullable(),
    error: z.custom<AppErrorData>((v) => typeof v === 'object' && v !== null && 'messageKey' in v).nullable(),
  }),
);

export const syncRequests = {
  'sync.getSettings': req<SyncSettingsView>()(empty),
  'sync.saveSettings': req<SyncSettingsView>()(
    z.strictObject({ settings: syncSettingsSchema, password: syncSecret, passphrase: syncSecret }),
  ),
  /** Connects with the given settings (the stored password unless one is given) and checks Brook's tables. */
  'sync.test': req<{ schemaVersion: number }>()(z.strictObject({ server: syncServerSchema, password: syncSecret })),
  'sync.now': req<SyncStatus>()(empty),
  'sync.status': req<SyncStatus>()(empty),
};

export const syncEvents = {
  'sync.statusChanged': syncStatusSchema,
};
