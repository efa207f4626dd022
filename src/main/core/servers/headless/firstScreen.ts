import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A page not asked for this soon after listening is opened later (or never): nothing to wait for. */
export const FIRST_PAGE_WAIT_MS = 250;
/** A browser that stalls on the page's files does not hold the core back longer than this. */
export const FIRST_SCREEN_MAX_MS = 1500;
/** The window asks for the first screen's data and opens its socket in the same task; either may arrive first. */
export const KNOCK_GRACE_MS = 100;

/** The files a built page names in its own markup (scripts, preloads, styles), relative to the renderer folder. */
export function filesNamedBy(html: string): string[] {
  const names = new Set<string>();
  for (const match of html.matchAll(/\b(?:src|href)="\.?\/?(assets\/[^"?#]+)"/g)) names.add(match[1]!);
  return [...names];
}

/**
 * Tells when the first window's page is far enough along for the core to load (issue #13, cold
 * start). Loading the core blocks this process's thread for a few hundred milliseconds and takes
 * one of the machine's cores; begun too early it holds back the page's files, or the page's own
 * scripts on a two-core machine.
 *
 * `sent` resolves on the first of: a window's socket knocking (its app is running and wants the
 * core; a window that asks for the copy in that same moment gets KNOCK_GRACE_MS for it); without
 * a copy, the page's files all sent (nothing can be drawn before the core, so it should start at
 * once); no page asked for within FIRST_PAGE_WAIT_MS; FIRST_SCREEN_MAX_MS. With a copy, the
 * page's first-paint script has drawn the list from it long before the app knocks, and the app
 * draws it again from the same copy: the core loads after that, beside the app's first render.
 */
export class FirstScreenWatch {
  readonly sent: Promise<void>;
  private release!: () => void;
  private waitingFor: Set<string> | null = null;
  private readonly timers: ReturnType<typeof setTimeout>[] = [];
  private dataPending: boolean;

  /** `hasCopy`: there is a copy of the first screen to serve (FIRST_SCREEN_PATH). */
  constructor(
    private readonly rendererDir: string,
    private readonly hasCopy = false,
  ) {
    this.dataPending = hasCopy;
    this.sent = new Promise<void>((resolve) => (this.release = resolve));
    this.timers.push(
      setTimeout(() => {
        if (this.waitingFor === null) this.done();
      }, FIRST_PAGE_WAIT_MS),
      setTimeout(() => this.done(), FIRST_SCREEN_MAX_MS),
    );
  }

  /** A static file (relative to the renderer folder) has been handed to the socket in full. */
  fileSent(relative: string): void {
    if (this.waitingFor === null) {
      if (!relative.endsWith('.html')) return;
      this.waitingFor = new Set(this.namedBy(relative));
    } else {
      this.waitingFor.delete(relative);
    }
    if (this.waitingFor.size === 0 && !this.hasCopy) this.done();
  }

  /** The first screen's data has been handed to the socket (or there was none to give after all). */
  dataSent(): void {
    this.dataPending = false;
  }

  /** A window's socket has arrived: its app runs, so the core is wanted now. */
  windowKnocked(): void {
    if (this.dataPending) this.timers.push(setTimeout(() => this.done(), KNOCK_GRACE_MS));
    else this.done();
  }

  done(): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
    this.release();
  }

  private namedBy(page: string): string[] {
    try {
      return filesNamedBy(readFileSync(join(this.rendererDir, page), 'utf8'));
    } catch {
      return [];
    }
  }
}
