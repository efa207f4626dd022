import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zhCN } from '../../../shared/i18n/resources';
import { UI_LANGUAGES, type UiLanguage } from './resolveLanguage';

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

/** Synchronous: the bundles are in the bundle, so the first render is already translated. */
export function initI18n(language: UiLanguage): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}
