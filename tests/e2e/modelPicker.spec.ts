import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

test('the header picker shows the model truthfully, for a draft chat too, even after a reload', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  const picker = page.getByTestId('model-picker');
  await expect(picker.locator('option:checked')).toHaveText('fixture-chat');
  await page.reload();
  await expect(picker.locator('option:checked')).toHaveText('fixture-chat');
  await expect(picker.locator('option', { hasText: 'Choose a model' })).toHaveCount(0);

  // Picked before the chat exists: the first answer comes from it, and the picker says so while it answers.
  await picker.selectOption({ label: 'fixture-reasoner' });
  await send(page, '/slow which model are you?');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'streaming');
  await expect(picker.locator('option:checked')).toHaveText('fixture-reasoner');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(picker.locator('option:checked')).toHaveText('fixture-reasoner');
});

test('"No provider is set up" goes away once a provider is added', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, 'hello');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await openSettingsAt(page, 'providers');
  await page.getByTestId('provider-remove').click();
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('provider-item')).toHaveCount(0);
  await page.getByTestId('close-settings').click();
  await send(page, 'again');
  const error = page.locator('.composer__error');
  await expect(error).toContainText('No provider is set up');
  await expect(error.getByTestId('error-open-settings')).toBeVisible();
  await addFixtureProvider(page, openai.url);
  await expect(error).toHaveCount(0);
});
