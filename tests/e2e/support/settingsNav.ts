import { expect, type Page } from '@playwright/test';
import type { SettingsSectionId } from '../../../src/renderer/src/state/settingsSections';

/** Opens the settings page and its `section` from the side list. */
export async function openSettingsAt(page: Page, section: SettingsSectionId): Promise<void> {
  await page.getByTestId('open-settings').click();
  await page.getByTestId(`settings-nav-${section}`).click();
  await expect(page.getByTestId('settings-section')).toHaveAttribute('data-section', section);
}

/**
 * In the open provider form: shows `model` in the picker and makes it the default, ticking
 * it when listed (fetched or from the preset), else adding it by name.
 */
export async function chooseDefaultModel(page: Page, model: string): Promise<void> {
  const row = page.locator(`[data-testid="model-row"][data-model="${model}"]`);
  if ((await row.count()) === 0) {
    await page.getByTestId('model-add-input').fill(model);
    await page.getByTestId('model-add').click();
  } else {
    await row.getByTestId('model-tick').check();
  }
  await row.getByTestId('model-default').check();
}
