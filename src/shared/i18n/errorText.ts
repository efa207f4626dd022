/**
 * Error sentences for code that has no i18next (the core's live feed and local API). The
 * renderer's i18next reads the same JSON files, so a message is written once per language.
 */
import { retryAfterSeconds, type AppErrorData } from '../errors';
import type { LanguageSetting } from '../domain';
import { en, zhCN } from './resources';

export type TextLanguage = 'en' | 'zh-CN';

const ERRORS: Record<TextLanguage, Record<string, string>> = { en: en.errors, 'zh-CN': zhCN.errors };
/** Sections besides `errors` whose keys errors use (the attachment errors live in their own file). */
const OTHER_SECTIONS: Record<TextLanguage, Record<string, Record<string, string>>> = {
  en: { attachmentErrors: en.attachmentErrors },
  'zh-CN': { attachmentErrors: zhCN.attachmentErrors },
};

/** The setting when it names a language, else the system locale (any Chinese reads zh-CN best). */
export function textLanguage(setting: LanguageSetting, systemLocale: string): TextLanguage {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The user-facing sentence for an error: its own key, else the key of its code (as the renderer does). */
export function errorText(language: TextLanguage, error: AppErrorData): string {
  const table = ERRORS[language];
  const [section = '', key = ''] = error.messageKey.split('.', 2);
  const own = section === 'errors' ? table[key] : OTHER_SECTIONS[language][section]?.[key];
  const template = own ?? table[error.code] ?? ERRORS.en[error.code] ?? error.code;
  const sentence = fill(template, error.params);
  const wait = retryAfterSeconds(error);
  return wait === null ? sentence : `${sentence} ${fill(table.retryIn ?? ERRORS.en.retryIn!, { seconds: wait })}`;
}

function fill(template: string, params: AppErrorData['params']): string {
  return template.replace(/\{\{\s*-?\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : String(value);
  });
}
