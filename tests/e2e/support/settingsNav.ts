import { expect, type Page } from '@playwright/test';
import type { SettingsSectionId } from '../../../src/renderer/src/state/settingsSections';

/** Opens the settings page and its `section` from the side list. */
export async function openSettingsAt(page: Page, section: SettingsSectionId): Promise<void> {
  await page.getByTestId('open-settings').click();
  await page.getByTestId(`settings-nav-${section}`).click();
  await expect(page.getByTestId('settings-section')).toHaveAttribute('data-section', section);
}
