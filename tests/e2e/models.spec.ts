import { expect, test } from './support/appFixtures';
import { FIXTURE_KEY } from './support/appFixtures';
import { openSettingsAt } from './support/settingsNav';
import { modelOptions } from './support/modelPicker';

test('the model manager: fetched models to tick, one by hand, capabilities, no save without a model', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await openSettingsAt(page, 'providers');
  await page.getByTestId('provider-add').click();

  // A hosted preset with the key left empty: Brook asks for it instead of asking the server.
  await page.getByTestId('provider-preset').selectOption('openai');
  await page.getByTestId('provider-test').click();
  await expect(page.getByTestId('provider-test-result')).toHaveText('Enter the key.');
  // Its known models come ticked, with the catalog's badges.
  const gpt4o = page.locator('[data-testid="model-row"][data-model="gpt-4o"]');
  await expect(gpt4o.getByTestId('model-tick')).toBeChecked();
  await expect(gpt4o.locator('[data-cap="vision"]')).toBeVisible();
  await expect(gpt4o.locator('[data-cap="context"]')).toHaveText('128K');

  // Ollama suggests a model Ollama has, not an OpenAI one.
  await page.getByTestId('provider-preset').selectOption('ollama');
  await expect(page.getByTestId('model-add-input')).toHaveAttribute('placeholder', 'e.g. llama3.2');
  await expect(page.getByTestId('model-row')).toHaveCount(0);

  // The fixture as a custom server: nothing to save until a model is ticked.
  await page.getByTestId('provider-preset').selectOption('custom');
  await page.getByTestId('provider-name').fill('Fixture');
  await page.getByTestId('provider-baseurl').fill(openai.url);
  await page.getByTestId('provider-save').click();
  await expect(page.getByTestId('models-invalid')).toBeVisible();
  await expect(page.getByTestId('provider-item')).toHaveCount(0);

  await page.getByTestId('provider-apikey').fill(FIXTURE_KEY);
  await page.getByTestId('provider-test').click();
  await expect(page.getByTestId('provider-test-result')).toHaveClass(/is-ok/);
  await expect(page.getByTestId('model-row')).toHaveCount(3);
  await page.locator('[data-testid="model-row"][data-model="fixture-reasoner"]').getByTestId('model-tick').check();
  await page.getByTestId('model-add-input').fill('my-local-model');
  await page.getByTestId('model-add-input').press('Enter');
  const mine = page.locator('[data-testid="model-row"][data-model="my-local-model"]');
  await expect(mine.getByTestId('model-tick')).toBeChecked();
  await mine.getByTestId('model-edit').click();
  await mine.getByTestId('model-cap-reasoning').check();
  await mine.getByTestId('model-cap-context').fill('32768');
  await expect(mine.locator('[data-cap="reasoning"]')).toBeVisible();
  await expect(mine.locator('[data-cap="context"]')).toHaveText('32K');
  await page.screenshot({ path: '/work/shots/uxm/model-manager-e2e.png', fullPage: true }).catch(() => undefined);
  await page.getByTestId('provider-save').click();
  await expect(page.getByTestId('provider-item')).toHaveCount(1);
  // The first ticked model became the default.
  await expect(page.getByTestId('provider-item')).toContainText('fixture-reasoner');

  // Saved: the ticks and the capability survive an edit.
  await page.getByTestId('provider-edit').click();
  await expect(page.locator('[data-testid="model-row"][data-model="my-local-model"] [data-cap="reasoning"]')).toBeVisible();
  await expect(page.locator('[data-testid="model-row"][data-model="fixture-reasoner"]').getByTestId('model-default')).toBeChecked();
  await page.getByTestId('provider-cancel').click();
  await page.getByTestId('close-settings').click();

  // The chat's picker offers exactly the ticked models.
  await page.getByTestId('new-chat').click();
  await page.getByTestId('model-picker').click();
  const options = modelOptions(page);
  await expect(options).toHaveCount(2);
  await expect(options.nth(0)).toHaveAttribute('data-model', 'fixture-reasoner');
  await expect(options.nth(1)).toHaveAttribute('data-model', 'my-local-model');
  await expect(options.nth(1).locator('[data-cap="reasoning"]')).toBeVisible();
});

test('in Chinese, presets and fields have Chinese names', async ({ page, brook }) => {
  await page.goto(brook.url);
  await openSettingsAt(page, 'general');
  await page.getByTestId('language-select').selectOption('zh-CN');
  await page.getByTestId('settings-nav-providers').click();
  await page.getByTestId('provider-add').click();
  const preset = page.getByTestId('provider-preset');
  for (const name of ['讯飞星火（WebSocket）', '百度文心一言（千帆 v1）', '通义千问（阿里云百炼）', '智谱 GLM', '月之暗面 Kimi']) {
    await expect(preset.locator('option', { hasText: name })).toHaveCount(1);
  }
  await preset.selectOption('qianfan');
  await expect(page.getByTestId('provider-name')).toHaveValue('百度文心一言（千帆 v1）');
  await expect(page.getByText('Secret Key（安全密钥）', { exact: true })).toBeVisible();
  await expect(page.getByText('接口地址（Base URL）', { exact: true })).toBeVisible();
  await page.getByTestId('provider-test').click();
  await expect(page.getByTestId('provider-test-result')).toHaveText(/[\u4e00-\u9fff]/);
});
