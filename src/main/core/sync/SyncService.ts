import type { SyncServer, SyncSettings, SyncSettingsView, SyncStatus } from '../../../shared/contract/sync';
import { DEFAULT_SYNC_SETTINGS, syncSettingsSchema } from '../../../shared/contract/sync';
import { AppError } from '../../../shared/errors';
import type { EventBus } from '../base';
import type { HistoryStore } from '../history';
import type { SecretStore } from '../settings';
import { LocalLog } from './localLog';
import { connectRemote, runSync } from './syncRun';
import { syncError } from './syncErrors';

export const SYNC_PASSWORD_SECRET = 'sync.password';
export const SYNC_PASSPHRASE_SECRET = 'sync.passphrase';
/** Only a sync moving at least this many changes shows a progress bar (a first sync). */
const PROGRESS_FROM = 200;

export interface SyncServiceDeps {
  history: HistoryStore;
  secrets: SecretStore;
  bus: EventBus;
  log?: (message: string) => void;
  now?: () => number;
  /** Tests: the first automatic sync after start (ms). */
  firstDelayMs?: number;
}

export interface SyncSave {
  settings: SyncSettings;
  password?: string | null;
  passphrase?: string | null;
}

/**
 * Sync as the app sees it: the device's settings (kept in the history's `sync_state`, never
 * synced; the password and passphrase in the secret store), a timer, one run at a time, and a
 * status for the sidebar. A run awaits the network between small batches, so typing and
 * streaming go on meanwhile.
 */
export class SyncService {
  private readonly log: LocalLog;
  private status: SyncStatus = { state: 'off', lastSyncAt: null, pending: 0, progress: null, error: null };
  private running: Promise<SyncStatus> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: SyncServiceDeps) {
    this.log = new LocalLog(() => deps.history.database);
    this.now = deps.now ?? Date.now;
    const last = this.log.state('last_sync_at');
    this.status.lastSyncAt = last ? Number(last) : null;
  }

  settings(): SyncSettings {
    const stored = this.log.state('settings');
    if (!stored) return { ...DEFAULT_SYNC_SETTINGS };
    const parsed = syncSettingsSchema.safeParse({ ...DEFAULT_SYNC_SETTINGS, ...(JSON.parse(stored) as object) });
    return parsed.success ? parsed.data : { ...DEFAULT_SYNC_SETTINGS };
  }

  view(): SyncSettingsView {
    return {
      settings: this.settings(),
      hasPassword: Boolean(this.deps.secrets.get(SYNC_PASSWORD_SECRET)),
      hasPassphrase: Boolean(this.deps.secrets.get(SYNC_PASSPHRASE_SECRET)),
      deviceId: this.log.deviceId,
    };
  }

  save({ settings, password, passphrase }: SyncSave): SyncSettingsView {
    this.log.setState('settings', JSON.stringify(settings));
    keepSecret(this.deps.secrets, SYNC_PASSWORD_SECRET, password);
    keepSecret(this.deps.secrets, SYNC_PASSPHRASE_SECRET, passphrase);
    this.start(0);
    return this.view();
  }

  /** Follows the settings: off, or a sync now (after `firstDelayMs`) and then every interval. */
  start(firstDelayMs = this.deps.firstDelayMs ?? 3000): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const settings = this.settings();
    if (!settings.enabled) {
      this.update({ state: 'off', progress: null, error: null });
      return;
    }
    if (this.status.state === 'off') this.update({ state: 'idle' });
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        void this.syncNow().finally(() => {
          if (this.settings().enabled) schedule(this.settings().intervalMinutes * 60_000);
        });
      }, delay);
      this.timer.unref?.();
    };
    schedule(firstDelayMs);
  }

  currentStatus(): SyncStatus {
    return { ...this.status, pending: this.log.pendingCount() };
  }

  /** Connects with these settings, creates or checks Brook's tables, and disconnects. */
  async test(server: SyncServer, password?: string | null): Promise<{ schemaVersion: number }> {
    const remote = await connectRemote(server, password ?? this.deps.secrets.get(SYNC_PASSWORD_SECRET) ?? '');
    try {
      return { schemaVersion: await remote.prepare() };
    } catch (err) {
      throw syncError(err);
    } finally {
      await remote.close();
    }
  }

  /** One run at a time: a second call while one runs waits for it. */
  syncNow(): Promise<SyncStatus> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<SyncStatus> {
    const settings = this.settings();
    if (!settings.host) {
      const error = new AppError('bad_request', { messageKey: 'sync.errors.notConfigured', retryable: false });
      this.update({ state: 'error', error: error.toJSON() });
      return this.currentStatus();
    }
    this.update({ state: 'syncing', error: null, progress: null });
    try {
      const result = await runSync({
        db: () => this.deps.history.database,
        server: settings,
        password: this.deps.secrets.get(SYNC_PASSWORD_SECRET) ?? '',
        passphrase: settings.encrypt ? this.deps.secrets.get(SYNC_PASSPHRASE_SECRET) : null,
        onProgress: (done, total) => {
          if (total >= PROGRESS_FROM) this.update({ progress: { done, total } });
        },
      });
      // The windows take a sync's changes as they take an import's: the list again, in one request.
      if (result.changed.length > 0) this.deps.bus.emit('conversations.imported', { ids: result.changed });
      const at = this.now();
      this.log.setState('last_sync_at', String(at));
      this.update({ state: 'idle', lastSyncAt: at, progress: null, error: null });
    } catch (err) {
      const error = syncError(err);
      this.deps.log?.(`sync failed: ${error.message}`);
      this.update({ state: 'error', progress: null, error: error.toJSON() });
    }
    return this.currentStatus();
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.deps.bus.emit('sync.statusChanged', this.currentStatus());
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}

function keepSecret(secrets: SecretStore, id: string, value: string | null | undefined): void {
  if (value === undefined) return;
  if (value === null || value === '') secrets.delete(id);
  else secrets.set(id, value);
}
