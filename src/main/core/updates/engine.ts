import type { UpdateErrorCode, UpdateUnsupportedReason } from '../../../shared/contract/updates';

/** A newer release than the running one, as the feed describes it. */
export interface AvailableUpdate {
  version: string;
  releaseNotes: string | null;
  releaseDate: string | null;
}

export interface DownloadProgress {
  transferred: number;
  total: number;
}

/**
 * What finds, fetches and applies an update. The core's state machine (UpdateService) drives
 * one: FeedUpdateEngine reads an electron-builder feed over HTTP itself; the Electron shell's
 * adapter wraps electron-updater (GitHub Releases, Squirrel.Mac, NSIS), which the core never
 * imports. Every failure is thrown as an UpdateFailure with its code.
 */
export interface UpdateEngine {
  /** Null when this copy can update itself; otherwise why not. */
  readonly unsupportedReason: UpdateUnsupportedReason | null;
  /** The newer release, or null when the running version is the latest. */
  check(signal: AbortSignal): Promise<AvailableUpdate | null>;
  /** Downloads and verifies `update`; resolves once it is ready to install. */
  download(update: AvailableUpdate, onProgress: (progress: DownloadProgress) => void, signal: AbortSignal): Promise<void>;
  /** Quits Brook, installs and starts the new version. */
  installNow(): void;
  /** Installs the downloaded update when Brook next quits. */
  installOnQuit(): void;
}

/** A failed check or download, with the code the panel translates. */
export class UpdateFailure extends Error {
  constructor(
    readonly code: UpdateErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UpdateFailure';
  }
}

/**
 * The code for any error an engine or its libraries throw: electron-updater's messages, Node's
 * network error codes, and UpdateFailure itself.
 */
export function updateErrorCode(error: unknown): UpdateErrorCode {
  if (error instanceof UpdateFailure) return error.code;
  const text = describe(error);
  if (/sha512 checksum mismatch|checksum mismatch|sha2 mismatch|integrity/i.test(text)) return 'corrupt';
  if (/not signed|signature|code ?sign|publisherName/i.test(text)) return 'signature';
  if (/\b404\b|not found|Cannot find latest/i.test(text)) return 'notFound';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|net::ERR_|fetch failed|socket hang up|timeout/i.test(text)) {
    return 'unreachable';
  }
  return 'unknown';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? ` ${cause.message} ${(cause as Error & { code?: string }).code ?? ''}` : '';
  return `${error.message} ${(error as Error & { code?: string }).code ?? ''}${causeText}`;
}
