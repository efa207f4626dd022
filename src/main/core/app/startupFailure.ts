import { AppError } from '../../../shared/errors';
import { errorText, textLanguage } from '../../../shared/i18n/errorText';
import { storageError } from '../base';

/**
 * What a failed start tells the user, in their language (the system's: settings may be what
 * could not be read): which data folder, and what is wrong with it — in use, read-only, full,
 * damaged keys — instead of a bare code (`internal`) or a raw `EROFS … brook.lock`.
 */
export function startupFailureText(err: unknown, dataDir: string, systemLocale: string): string {
  const language = textLanguage('system', systemLocale);
  const error = AppError.from(storageError(err));
  const where = errorText(language, { code: 'internal', messageKey: 'errors.startupFailed', params: { folder: dataDir }, retryable: false });
  const what = errorText(language, error.toJSON());
  // Only an unforeseen failure needs its technical words; the others are said in full above.
  const raw = err instanceof Error ? err.message : String(err);
  return error.code === 'internal' && error.messageKey === 'errors.internal' ? `${where} ${what}\n(${raw})` : `${where} ${what}`;
}
