import type { UpdateRestartOutcome, UpdateStatus } from '../../../shared/contract/updates';
import { type AvailableUpdate, type UpdateEngine, updateErrorCode } from './engine';
import type { UpdatePreferences } from './preferences';

export const HOUR_MS = 60 * 60 * 1000;

export interface UpdateServiceOptions {
  engine: UpdateEngine;
  preferences: UpdatePreferences;
  currentVersion: string;
  /** True while any answer is streaming: then "Restart to update" waits for the next quit. */
  isStreaming: () => boolean;
  /** Every change of status (the api forwards it to windows as `updates.status`). */
  onStatus: (status: UpdateStatus) => void;
  /** Between automatic checks. Default: 4 hours. */
  intervalMs?: number;
  /** After start, before the first automatic check (startup stays quick). Default: 10 s. */
  firstCheckDelayMs?: number;
  clock?: () => number;
  log?: (message: string) => void;
}

/**
 * The update state machine: idle → checking → upToDate | downloading → ready, or error (a
 * code the panel translates; never thrown, never a dialog). Checks on start and every few
 * hours when the setting is on, downloads in the background, and installs only when asked —
 * or on the next quit when an answer is streaming, so no answer is ever cut off.
 */
export class UpdateService {
  private status: UpdateStatus;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private lastPercent = -1;

  constructor(private readonly options: UpdateServiceOptions) {
    const reason = options.engine.unsupportedReason;
    this.status = {
      currentVersion: options.currentVersion,
      supported: reason === null,
      unsupportedReason: reason,
      autoCheck: reason === null && options.preferences.autoCheck(),
      phase: 'idle',
      version: null,
      releaseNotes: null,
      releaseDate: null,
      percent: null,
      installOnQuit: false,
      error: null,
      checkedAt: null,
    };
  }

  current(): UpdateStatus {
    return { ...this.status };
  }

  /** Schedules the first automatic check (when the setting is on). */
  start(): void {
    this.schedule(this.options.firstCheckDelayMs ?? 10_000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.status.supported || !this.status.autoCheck || this.abort.signal.aborted) return;
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule(this.options.intervalMs ?? 4 * HOUR_MS));
    }, delayMs);
    this.timer.unref?.();
  }

  setAutoCheck(enabled: boolean): UpdateStatus {
    if (!this.status.supported) return this.current();
    this.options.preferences.setAutoCheck(enabled);
    this.update({ autoCheck: enabled });
    this.schedule(this.options.intervalMs ?? 4 * HOUR_MS);
    return this.current();
  }

  /** Checks now and, when there is a newer version, downloads it; resolves when that is over. */
  async check(): Promise<UpdateStatus> {
    if (!this.status.supported || this.status.phase === 'ready') return this.current();
    this.running ??= this.checkAndDownload().finally(() => (this.running = null));
    await this.running;
    return this.current();
  }

  private async checkAndDownload(): Promise<void> {
    const { engine } = this.options;
    const signal = this.abort.signal;
    this.update({ phase: 'checking', error: null, percent: null });
    let found: AvailableUpdate | null;
    try {
      found = await engine.check(signal);
    } catch (error) {
      return this.fail('check', error);
    }
    const checkedAt = (this.options.clock ?? Date.now)();
    if (!found) return this.update({ phase: 'upToDate', checkedAt, version: null, releaseNotes: null, releaseDate: null });
    this.lastPercent = -1;
    this.update({ phase: 'downloading', checkedAt, percent: 0, version: found.version, releaseNotes: found.releaseNotes, releaseDate: found.releaseDate });
    try {
      await engine.download(found, ({ transferred, total }) => this.progress(total > 0 ? (transferred / total) * 100 : 0), signal);
    } catch (error) {
      return this.fail('download', error);
    }
    this.update({ phase: 'ready', percent: 100 });
  }

  /** Progress events at most once per whole percent: a window repaints, not a flood. */
  private progress(percent: number): void {
    const whole = Math.min(100, Math.floor(percent));
    if (whole === this.lastPercent) return;
    this.lastPercent = whole;
    this.update({ percent: whole });
  }

  private fail(step: 'check' | 'download', error: unknown): void {
    if (this.abort.signal.aborted) return;
    const code = updateErrorCode(error);
    this.options.log?.(`update ${step} failed (${code}): ${error instanceof Error ? error.message : String(error)}`);
    this.update({ phase: 'error', error: code, percent: null, checkedAt: (this.options.clock ?? Date.now)() });
  }

  /** "Restart to update": now when nothing streams, otherwise on the next quit. */
  restart(): { outcome: UpdateRestartOutcome; status: UpdateStatus } {
    if (this.status.phase !== 'ready') return { outcome: 'notReady', status: this.current() };
    if (this.options.isStreaming()) {
      this.options.engine.installOnQuit();
      this.update({ installOnQuit: true });
      return { outcome: 'deferred', status: this.current() };
    }
    this.options.engine.installNow();
    return { outcome: 'restarting', status: this.current() };
  }

  private update(change: Partial<UpdateStatus>): void {
    this.status = { ...this.status, ...change };
    this.options.onStatus(this.current());
  }
}
