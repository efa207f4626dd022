/**
 * Errors cross every process boundary as plain data. Anything thrown in the core is turned
 * into an AppError before it reaches IPC or WebSocket, so the renderer can translate it by
 * `messageKey` and decide whether to offer Retry from `retryable`.
 */
export const ERROR_CODES = [
  'auth',
  'rate_limit',
  'quota',
  'content_filter',
  'context_too_long',
  'network',
  'timeout',
  'provider',
  'bad_request',
  'not_found',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'rate_limit',
  'network',
  'timeout',
  'provider',
  'internal',
]);

export interface AppErrorData {
  code: ErrorCode;
  /** i18n key under `errors.` the renderer translates; defaults to `errors.<code>`. */
  messageKey: string;
  /** Interpolation values for the translated message; never contains secrets. */
  params?: Record<string, string | number>;
  retryable: boolean;
  /** Technical detail for the "details" disclosure (e.g. the server's own message). */
  detail?: string;
  status?: number;
  retryAfterMs?: number;
}

export interface AppErrorInit {
  messageKey?: string;
  params?: Record<string, string | number>;
  retryable?: boolean;
  detail?: string;
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params?: Record<string, string | number>;
  readonly retryable: boolean;
  readonly detail?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, init: AppErrorInit = {}) {
    super(init.detail ? `${code}: ${init.detail}` : code, { cause: init.cause });
    this.name = 'AppError';
    this.code = code;
    this.messageKey = init.messageKey ?? `errors.${code}`;
    this.params = init.params;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.detail = init.detail;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
  }

  toJSON(): AppErrorData {
    const data: AppErrorData = { code: this.code, messageKey: this.messageKey, retryable: this.retryable };
    if (this.params) data.params = this.params;
    if (this.detail !== undefined) data.detail = this.detail;
    if (this.status !== undefined) data.status = this.status;
    if (this.retryAfterMs !== undefined) data.retryAfterMs = this.retryAfterMs;
    return data;
  }

  static fromJSON(data: AppErrorData): AppError {
    return new AppError(data.code, data);
  }

  /** Wraps anything thrown into an AppError without leaking stack traces to the UI. */
  static from(err: unknown): AppError {
    if (err instanceof AppError) return err;
    if (isAppErrorData(err)) return AppError.fromJSON(err);
    if (err instanceof Error && err.name === 'AbortError') {
      return new AppError('network', { messageKey: 'errors.aborted', retryable: true, detail: err.message });
    }
    const detail = err instanceof Error ? err.message : String(err);
    return new AppError('internal', { detail });
  }
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.messageKey === 'string' &&
    typeof v.retryable === 'boolean'
  );
}

/**
 * Message keys used beyond `errors.<code>`. Every key here and every code must exist in both
 * locales; a unit test checks that.
 */
export const EXTRA_ERROR_KEYS = [
  'errors.aborted',
  'errors.noProvider',
  'errors.noModel',
  'errors.streamActive',
  'errors.invalidArgs',
  'errors.connectionLost',
  'errors.providerConnectionLost',
  'errors.retryIn',
  'errors.emptyFinished',
  'errors.tooLarge',
  'errors.startupFailed',
  'errors.unreachable',
  'errors.badUrl',
  'errors.notOpenAICompatible',
  'errors.tls',
  'errors.emptyAnswer',
  'errors.storageReadOnly',
  'errors.storageFull',
  'errors.reenterKey',
  'errors.keysFileDamaged',
  'errors.dataDirInUse',
  'errors.paramOutOfRange',
  'errors.portInUse',
  'errors.unknownModel',
  'errors.importUnknown',
  'errors.importTooLarge',
  'errors.importCancelled',
  'errors.searxngJsonDisabled',
  'errors.searchUrlMissing',
  'errors.searchKeyMissing',
  'errors.pageTimeout',
  'errors.pageNotHtml',
  'errors.pageUnreadable',
  'errors.pagePrivateAddress',
  'errors.nativeSearchUnsupported',
  'errors.sparkLiteNoSearch',
  'errors.backupInvalid',
] as const;

export function allErrorMessageKeys(): string[] {
  return [...ERROR_CODES.map((c) => `errors.${c}`), ...EXTRA_ERROR_KEYS];
}

/** Whole seconds to wait before retrying, when the provider said (`retry-after`); shown as "try again in N s". */
export function retryAfterSeconds(error: Pick<AppErrorData, 'retryAfterMs'>): number | null {
  const ms = error.retryAfterMs;
  return ms === undefined || !Number.isFinite(ms) || ms <= 0 ? null : Math.ceil(ms / 1000);
}
