import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../shared/errors';
import { translateError } from '../i18n/translateError';

/** Returns a function that turns an error into one translated, user-facing sentence. */
export function useErrorText(): (error: AppErrorData) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: AppErrorData) => translateError(t, (key) => i18n.exists(key), error), [t, i18n]);
}
