import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/errors';
import { useController } from '../../state/context';
import { settingsSectionForError, settingsSectionLabelKey } from '../../state/settingsSections';

/**
 * "Open Settings → Web search": shown beside an error whose fix is in one section of settings.
 * It names the section without the settings registry, whose forms would otherwise load with
 * every message box (the quick-ask window's first screen among them; issue #13, cold start).
 */
export function OpenSettingsLink({ error, className = 'button' }: { error: AppErrorData; className?: string }) {
  const { t } = useTranslation();
  const controller = useController();
  const section = settingsSectionForError(error);
  // The quick-ask window has no settings page.
  if (section === null || controller.role !== 'main') return null;
  return (
    <button
      type="button"
      className={className}
      data-testid="error-open-settings"
      data-section={section}
      onClick={() => controller.openSettings(section)}
    >
      {t('settingsPage.openSection', { section: t(settingsSectionLabelKey(section)) })}
    </button>
  );
}
