/**
 * sync: the history synced through the user's own MySQL/MariaDB or PostgreSQL server (the
 * database is the hub; the local SQLite stays the primary store). A change log fed by
 * triggers (history migration 008), a hybrid logical clock, Brook's own versioned tables on
 * the server, batched resumable push and pull, a deterministic merge, optional end-to-end
 * encryption. Uses base, net, history, settings.
 */
export { LocalLog, type ChangeEntry } from './localLog';
export { HybridClock, formatHlc, parseHlc } from './hlc';
export { connectRemote, runSync, type SyncRunOptions, type SyncRunResult } from './syncRun';
export { SERVER_SCHEMA_VERSION } from './remote/remoteStore';
export { syncError } from './syncErrors';
export { SyncService, SYNC_PASSPHRASE_SECRET, SYNC_PASSWORD_SECRET, type SyncSave, type SyncServiceDeps } from './SyncService';
