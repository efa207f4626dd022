import { addFixtureProvider, expect, lastAssistant, send, test } from './support/appFixtures';

test('the provider form shows the credentials of the chosen kind', async ({ page, brook }) => {
  await page.goto(brook.url);
  await page.getByTestId('open-settings').click();
  await page.getByTestId('provider-add').click();

  // An OpenAI-compatible preset takes one key.
  await page.getByTestId('provider-preset').selectOption('openai');
  await expect(page.getByTestId('provider-apikey')).toBeVisible();
  await expect(page.getByTestId('provider-appid')).toHaveCount(0);
  await expect(page.getByTestId('provider-apisecret')).toHaveCount(0);

  // Spark: APPID in clear, APIKey and APISecret as passwords, the base URL left to the default.
  await page.getByTestId('provider-preset').selectOption('spark');
  await expect(page.getByTestId('provider-appid')).toHaveAttribute('type', 'text');
  await expect(page.getByTestId('provider-apikey')).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('provider-apisecret')).toHaveAttribute('type', 'password');
  await expect(page.getByTestId('provider-baseurl')).toHaveValue('');
  await expect(page.getByTestId('provider-context-window')).toHaveValue('');
  await expect(page.getByText('APISecret', { exact: true })).toBeVisible();
  await page.getByTestId('provider-context-window').fill('100');
  await page.getByTestId('provider-save').click();
  await expect(page.getByTestId('provider-context-window')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('provider-context-window').fill('');
  await page.getByTestId('provider-preset').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/provider-spark.png' });

  // Qianfan v1: API Key and Secret Key, no APPID.
  await page.getByTestId('provider-preset').selectOption('qianfan');
  await expect(page.getByTestId('provider-appid')).toHaveCount(0);
  await expect(page.getByTestId('provider-apisecret')).toBeVisible();
  await expect(page.getByText('Secret Key', { exact: true })).toBeVisible();
  await page.getByTestId('provider-cancel').click();

  // The proxy (General) is checked by the core; a refusal shows under the field.
  await page.getByTestId('settings-nav-general').click();
  await page.getByTestId('proxy-url').fill('ftp://proxy.invalid');
  await page.getByTestId('proxy-url').press('Enter');
  await expect(page.getByTestId('proxy-url-error')).toBeVisible();
  await page.getByTestId('proxy-url').fill('');
  await page.getByTestId('proxy-url').press('Enter');
  await expect(page.getByTestId('proxy-url-error')).toHaveCount(0);
});

test('a stopped answer continues in the same message', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, '/slow tell me about brooks');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'streaming');
  const content = answer.getByTestId('message-content');
  await expect(content).toContainText('The brook');
  await page.getByTestId('stop').click();
  await expect(answer).toHaveAttribute('data-status', 'stopped');
  const id = await answer.getAttribute('data-id');
  const stoppedText = await content.innerText();

  // The fixture picks its answer from the last user message; the continuation is its own text.
  openai.setScenario({ kind: 'answer', text: ' And more water.' });
  try {
    await answer.getByTestId('continue').click();
    await expect(answer).toHaveAttribute('data-status', 'done');
  } finally {
    openai.setScenario(null);
  }
  await expect(page.locator('[data-testid="message"][data-role="assistant"]')).toHaveCount(1);
  await expect(answer).toHaveAttribute('data-id', id ?? '');
  const finalText = await content.innerText();
  expect(finalText.startsWith(stoppedText.trimEnd())).toBe(true);
  expect(finalText).toContain('And more water.');
  expect(finalText.length).toBeGreaterThan(stoppedText.length);
  await expect(answer.getByTestId('continue')).toHaveCount(0);
  await answer.hover();
  await page.screenshot({ path: 'test-results/e2e/continued.png' });
});
