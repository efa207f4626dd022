import { expect, type Page } from '@playwright/test';
import { openSettingsAt } from './settingsNav';

/** The model manager's own switch: marks a provider's model as one that sees images, so images may be sent to it. */
export async function markVision(page: Page, model: string): Promise<void> {
  await openSettingsAt(page, 'providers');
  await page.getByTestId('provider-edit').click();
  const row = page.locator(`[data-testid="model-row"][data-model="${model}"]`);
  await row.getByTestId('model-edit').click();
  await row.getByTestId('model-cap-vision').check();
  await page.getByTestId('provider-save').click();
  await expect(page.getByTestId('provider-save')).toHaveCount(0);
  await page.getByTestId('close-settings').click();
}
