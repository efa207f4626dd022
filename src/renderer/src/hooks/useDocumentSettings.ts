import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveLanguage } from '../i18n/resolveLanguage';
import { useAppState } from '../state/context';
import { applyTheme, followSystemTheme } from '../theme';

/** Applies the theme and UI language settings to the document (`data-theme`, `lang`). */
export function useDocumentSettings(): void {
  const { i18n } = useTranslation();
  const theme = useAppState((s) => s.settings?.theme ?? 'system');
  const language = useAppState((s) => s.settings?.language);
  const systemLocale = useAppState((s) => s.info?.systemLocale);

  useEffect(() => {
    applyTheme(theme);
    return theme === 'system' ? followSystemTheme() : undefined;
  }, [theme]);

  useEffect(() => {
    const locales = [...navigator.languages, navigator.language, systemLocale ?? ''].filter((l) => l !== '');
    const lng = resolveLanguage(language, locales);
    document.documentElement.lang = lng;
    if (i18n.language !== lng) void i18n.changeLanguage(lng);
  }, [i18n, language, systemLocale]);
}
