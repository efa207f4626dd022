import { expect, type Page } from '@playwright/test';
import { chooseDefaultModel, openSettingsAt } from './settingsNav';

export interface ProviderSetup {
  /** A preset id from src/shared/presets.ts; it decides the kind and the credential fields. */
  preset: string;
  name: string;
  baseUrl: string;
  model: string;
  appId?: string;
  apiKey: string;
  apiSecret?: string;
}

/** Adds a provider through the settings screen, checks "Test connection" works, and saves it. */
export async function addProvider(page: Page, p: ProviderSetup): Promise<void> {
  await openSettingsAt(page, 'providers');
  await page.getByTestId('provider-add').click();
  await page.getByTestId('provider-preset').selectOption(p.preset);
  await page.getByTestId('provider-name').fill(p.name);
  await page.getByTestId('provider-baseurl').fill(p.baseUrl);
  if (p.appId !== undefined) await page.getByTestId('provider-appid').fill(p.appId);
  await page.getByTestId('provider-apikey').fill(p.apiKey);
  if (p.apiSecret !== undefined) await page.getByTestId('provider-apisecret').fill(p.apiSecret);
  await chooseDefaultModel(page, p.model);
  await page.getByTestId('provider-test').click();
  await expect(page.getByTestId('provider-test-result')).toHaveClass(/is-ok/);
  await page.getByTestId('provider-save').click();
  await expect(page.getByTestId('provider-item').filter({ hasText: p.name })).toHaveCount(1);
  await page.getByTestId('close-settings').click();
}

/** Replaces the saved key of a provider (to make it wrong, or right again). */
export async function replaceKey(page: Page, name: string, apiKey: string): Promise<void> {
  await openSettingsAt(page, 'providers');
  await page.getByTestId('provider-item').filter({ hasText: name }).getByTestId('provider-edit').click();
  await page.getByTestId('provider-apikey').fill(apiKey);
  await page.getByTestId('provider-save').click();
  await expect(page.getByTestId('provider-save')).toHaveCount(0);
  await page.getByTestId('close-settings').click();
}
