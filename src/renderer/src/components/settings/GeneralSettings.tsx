import { useTranslation } from 'react-i18next';
import type { LanguageSetting, ThemeSetting } from '../../../../shared/domain';
import { useAppState, useController } from '../../state/context';
import { ProxyField } from './ProxyField';
import { StreamTimeoutField } from './StreamTimeoutField';

const LANGUAGES: readonly LanguageSetting[] = ['system', 'en', 'zh-CN'];
const THEMES: readonly ThemeSetting[] = ['system', 'light', 'dark'];

/** Language, theme, default provider and proxy; each change is saved at once (the proxy on blur or Enter). */
export function GeneralSettings() {
  const { t } = useTranslation();
  const controller = useController();
  const settings = useAppState((s) => s.settings);
  const providers = useAppState((s) => s.providers);
  if (!settings) return null;

  const languageLabel = (l: LanguageSetting) =>
    l === 'system' ? t('settings.system') : l === 'en' ? 'English' : '简体中文';
  const themeLabel = (theme: ThemeSetting) =>
    theme === 'system' ? t('settings.system') : theme === 'light' ? t('settings.light') : t('settings.dark');

  return (
    <section className="settings-section" aria-labelledby="settings-general">
      <h3 id="settings-general">{t('settings.general')}</h3>
      <label className="field field--row">
        <span className="field__label">{t('settings.language')}</span>
        <select
          data-testid="language-select"
          value={settings.language}
          onChange={(e) => {
            const language = LANGUAGES.find((l) => l === e.target.value);
            if (language) void controller.settings.updateSettings({ language });
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l === 'zh-CN' ? 'zh-CN' : l === 'en' ? 'en' : undefined}>
              {languageLabel(l)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--row">
        <span className="field__label">{t('settings.theme')}</span>
        <select
          data-testid="theme-select"
          value={settings.theme}
          onChange={(e) => {
            const theme = THEMES.find((th) => th === e.target.value);
            if (theme) void controller.settings.updateSettings({ theme });
          }}
        >
          {THEMES.map((th) => (
            <option key={th} value={th}>
              {themeLabel(th)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--row">
        <span className="field__label">{t('settings.defaultProvider')}</span>
        <select
          data-testid="default-provider-select"
          value={settings.defaultProviderId ?? ''}
          onChange={(e) => void controller.settings.updateSettings({ defaultProviderId: e.target.value || null })}
        >
          <option value="">{t('settings.noDefault')}</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <ProxyField value={settings.proxyUrl} />
      <StreamTimeoutField value={settings.streamTimeoutSeconds} />
    </section>
  );
}
