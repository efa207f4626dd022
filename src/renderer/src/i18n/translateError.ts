import type { TFunction } from 'i18next';
import { retryAfterSeconds, type AppErrorData } from '../../../shared/errors';

/** The user-facing sentence for an error: its own key, else the key of its code. */
export function translateError(t: TFunction, i18nExists: (key: string) => boolean, error: AppErrorData): string {
  const key = i18nExists(error.messageKey) ? error.messageKey : `errors.${error.code}`;
  const sentence = t(key, { ...error.params });
  const wait = retryAfterSeconds(error);
  return wait === null ? sentence : `${sentence} ${t('errors.retryIn', { seconds: wait })}`;
}
