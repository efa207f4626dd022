import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/errors';
import { useController } from '../../state/context';
import { settingsSectionForError } from '../../state/settingsSections';
import { SETTINGS_SECTIONS } from './sectionRegistry';

/** "Open Settings → Web search": shown beside an error whose fix is in one section of settings. */
export function OpenSettingsLink({ error, className = 'button' }: { error: AppErrorData; className?: string }) {
  const { t } = useTranslation();
  const controller = useController();
  const section = SETTINGS_SECTIONS.find((s) => s.id === settingsSectionForError(error) && s.panels.length > 0);
  // The quick-ask window has no settings page.
  if (!section || controller.role !== 'main') return null;
  return (
    <button
      type="button"
      className={className}
      data-testid="error-open-settings"
      data-section={section.id}
      onClick={() => controller.openSettings(section.id)}
    >
      {t('settingsPage.openSection', { section: t(section.labelKey) })}
    </button>
  );
}
