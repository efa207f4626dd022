import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../../shared/contract';
import { useAppState, useController } from '../../state/context';
import { ModelCombobox } from '../modelPicker/ModelCombobox';
import { ShortcutField } from './ShortcutField';
import { Toggle } from './Toggle';

/**
 * Quick ask and tray: the global shortcut, the quick model, clipboard prefill, and how Brook
 * lives in the tray. In browser mode only the quick model applies; the rest is shown disabled.
 */
export function QuickAskSettings() {
  const { t } = useTranslation();
  const controller = useController();
  const settings = useAppState((s) => s.settings);
  const desktop = useAppState((s) => s.desktop?.available === true);
  if (!settings) return null;
  const update = (patch: SettingsPatch) => void controller.settings.updateSettings(patch);
  const { quickAsk } = settings;

  return (
    <section className="settings-section" aria-labelledby="settings-quick">
      <h3 id="settings-quick">{t('settings.quickAsk')}</h3>
      {!desktop && (
        <p className="secret-note" data-testid="desktop-only-note">
          {t('settings.desktopOnlyNote')}
        </p>
      )}
      <ShortcutField disabled={!desktop} />
      {/* Not a <label>: a click in the open list would also click the button and close it. */}
      <div className="field field--row">
        <span className="field__label">{t('settings.quickModel')}</span>
        <ModelCombobox
          className="settings-model-select"
          testId="quick-model-select"
          label={t('settings.quickModel')}
          value={{ providerId: quickAsk.providerId, model: quickAsk.model }}
          noneLabel={t('settings.quickModelDefault')}
          onChange={({ providerId, model }) => update({ quickAsk: { providerId, model } })}
        />
      </div>
      <Toggle
        testId="quick-prefill-toggle"
        label={t('settings.prefillFromClipboard')}
        checked={quickAsk.prefillFromClipboard}
        disabled={!desktop}
        onChange={(prefillFromClipboard) => update({ quickAsk: { prefillFromClipboard } })}
      />
      <Toggle
        testId="close-to-tray-toggle"
        label={t('settings.closeToTray')}
        checked={settings.closeToTray}
        disabled={!desktop}
        onChange={(closeToTray) => update({ closeToTray })}
      />
      <Toggle
        testId="open-at-login-toggle"
        label={t('settings.openAtLogin')}
        checked={settings.openAtLogin}
        disabled={!desktop}
        onChange={(openAtLogin) => update({ openAtLogin })}
      />
    </section>
  );
}
