import { randomBytes } from 'node:crypto';
import type { LocalServicesStatus, Settings } from '../../../shared/domain';
import { AppError, type AppErrorData } from '../../../shared/errors';
import { errorText, textLanguage } from '../../../shared/i18n/errorText';
import { redactError, type EventBus } from '../base';
import type { ServerTimeouts } from '../net';
import { LocalApiServer } from './localApi/LocalApiServer';
import type { CompletionDeps } from './localApi/runCompletion';
import { LiveFeedServer } from './liveFeed/LiveFeedServer';
import type { SecretStore, SettingsRepository } from '../settings';

/** Secret-store slots (no dots: electron-store reads those as paths); provider ids are UUIDs, so these never collide. */
const FEED_TOKEN_SLOT = 'brook-local-feed-token';
const API_KEY_SLOT = 'brook-local-api-key';

export interface LocalServicesDeps extends CompletionDeps {
  settings: SettingsRepository;
  secrets: SecretStore;
  systemLocale: string;
  log: (message: string) => void;
  /** Tests: a small buffer makes a stalled subscriber quick to drop. */
  feedMaxBufferedBytes?: number;
  /** Tests: shorter header/body/idle limits. */
  timeouts?: Partial<ServerTimeouts>;
}

interface Running<T> {
  server: T;
  port: number | null;
}

/**
 * Starts, stops and restarts the live feed and the local API to match settings. Changes are
 * applied one at a time, in order, so quick toggles never leave two servers on one port.
 */
export class LocalServices {
  private feed: Running<LiveFeedServer> | null = null;
  private api: Running<LocalApiServer> | null = null;
  private feedError: AppErrorData | null = null;
  private apiError: AppErrorData | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly d: LocalServicesDeps,
    private readonly bus: EventBus,
  ) {}

  /** Resolves once the servers match `settings` (and the status event has gone out). */
  apply(settings: Settings = this.d.settings.read().settings): Promise<void> {
    this.queue = this.queue.then(() => this.reconcile(settings));
    return this.queue;
  }

  status(): LocalServicesStatus {
    const s = this.d.settings.read().settings;
    return {
      feed: {
        enabled: s.localFeed.enabled,
        running: this.feed !== null,
        port: this.feed?.server.port ?? null,
        error: this.feedError,
        url: this.feed?.server.url() ?? null,
      },
      api: {
        enabled: s.localApi.enabled,
        running: this.api !== null,
        port: this.api?.server.port ?? null,
        error: this.apiError,
        baseUrl: this.api?.server.baseUrl() ?? null,
        // Shown even while off, so a user can set up the other program first.
        key: this.secret(API_KEY_SLOT, newApiKey),
      },
    };
  }

  renewFeedToken(): LocalServicesStatus {
    const token = newToken();
    this.d.secrets.set(FEED_TOKEN_SLOT, token);
    this.feed?.server.setToken(token);
    return this.announce();
  }

  renewApiKey(): LocalServicesStatus {
    const key = newApiKey();
    this.d.secrets.set(API_KEY_SLOT, key);
    this.api?.server.setKey(key);
    return this.announce();
  }

  async shutdown(): Promise<void> {
    await this.queue;
    await Promise.all([this.feed?.server.close(), this.api?.server.close()]);
    this.feed = null;
    this.api = null;
  }

  private async reconcile(settings: Settings): Promise<void> {
    const before = JSON.stringify(this.status());
    const { localFeed, localApi } = settings;
    if (this.feed && (!localFeed.enabled || this.feed.port !== localFeed.port)) {
      await this.feed.server.close();
      this.feed = null;
    }
    if (localFeed.enabled && !this.feed) {
      try {
        const server = await LiveFeedServer.start({
          bus: this.bus,
          token: this.secret(FEED_TOKEN_SLOT, newToken),
          port: localFeed.port ?? 0,
          translateError: (e) => errorText(textLanguage(this.d.settings.read().settings.language, this.d.systemLocale), redactError(e)),
          maxBufferedBytes: this.d.feedMaxBufferedBytes,
          log: this.d.log,
          timeouts: this.d.timeouts,
        });
        this.feed = { server, port: localFeed.port };
        this.feedError = null;
      } catch (err) {
        this.feedError = AppError.from(err).toJSON();
        this.d.log(`live feed did not start: ${this.feedError.messageKey}`);
      }
    }
    if (!localFeed.enabled) this.feedError = null;

    if (this.api && (!localApi.enabled || this.api.port !== localApi.port)) {
      await this.api.server.close();
      this.api = null;
    }
    if (localApi.enabled && !this.api) {
      try {
        const server = await LocalApiServer.start({ ...this.d, key: this.secret(API_KEY_SLOT, newApiKey), port: localApi.port ?? 0 });
        this.api = { server, port: localApi.port };
        this.apiError = null;
      } catch (err) {
        this.apiError = AppError.from(err).toJSON();
        this.d.log(`local API did not start: ${this.apiError.messageKey}`);
      }
    }
    if (!localApi.enabled) this.apiError = null;
    // Most settings changes (theme, language…) leave both servers as they were.
    if (JSON.stringify(this.status()) !== before) this.announce();
  }

  private announce(): LocalServicesStatus {
    const status = this.status();
    this.bus.emit('local.statusChanged', status);
    return status;
  }

  /** The stored token or key, made on first use. */
  private secret(slot: string, make: () => string): string {
    const stored = this.d.secrets.get(slot);
    if (stored) return stored;
    const value = make();
    this.d.secrets.set(slot, value);
    return value;
  }
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** `brook-` marks it as Brook's own key, so nobody mistakes it for a provider's. */
function newApiKey(): string {
  return `brook-${randomBytes(24).toString('base64url')}`;
}
