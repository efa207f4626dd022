import { AppError } from '../../../shared/errors';

/** A full or read-only disk (SQLite's codes or the file system's) as the error the user can act on; anything else as it is. */
export function storageError(err: unknown): unknown {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return err;
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || ['EACCES', 'EPERM', 'EROFS'].includes(code)) {
    return new AppError('internal', { messageKey: 'errors.storageReadOnly', retryable: false, cause: err });
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('internal', { messageKey: 'errors.storageFull', retryable: true, cause: err });
  }
  return err;
}
