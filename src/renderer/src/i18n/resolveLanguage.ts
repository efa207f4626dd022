import type { LanguageSetting } from '../../../shared/domain';

export const UI_LANGUAGES = ['en', 'zh-CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The setting wins when it names a language; otherwise the first system locale we have a
 * translation for (any Chinese locale reads Simplified Chinese better than English).
 */
export function resolveLanguage(setting: LanguageSetting | undefined, systemLocales: readonly string[]): UiLanguage {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  for (const locale of systemLocales) {
    const lower = locale.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
