import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

test('add a provider, chat with typewriter output, stop, reload and find both conversations', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await addFixtureProvider(page, openai.url);

  // First conversation: a slow answer, watched while it grows.
  await page.getByTestId('new-chat').click();
  await send(page, '/slow tell me about brooks');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'streaming');
  const content = answer.getByTestId('message-content');
  // Typewriter output: the text is seen growing, step after step, never shrinking.
  const lengths: number[] = [(await content.innerText()).length];
  for (let i = 0; i < 4; i++) {
    const before = lengths.at(-1)!;
    await expect.poll(async () => (await content.innerText()).length).toBeGreaterThan(before);
    lengths.push((await content.innerText()).length);
  }
  expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  await page.screenshot({ path: 'test-results/e2e/streaming.png' });
  await page.getByTestId('stop').click();
  await expect(answer).toHaveAttribute('data-status', 'stopped');
  const stoppedText = await content.innerText();
  expect(stoppedText).toContain('The brook keeps flowing');

  // Second conversation: a short answer that finishes.
  await page.getByTestId('new-chat').click();
  await send(page, 'Hello from the end-to-end test');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('You said: Hello from the end-to-end test');

  await page.reload();
  const items = page.getByTestId('conversation-item');
  await expect(items).toHaveCount(2);
  await items.filter({ hasText: 'Hello from the end-to-end test' }).click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('You said: Hello from the end-to-end test');
  await items.filter({ hasText: '/slow tell me about brooks' }).click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'stopped');
  await expect(lastAssistant(page).getByTestId('message-content')).toHaveText(stoppedText);
  await page.screenshot({ path: 'test-results/e2e/after-reload.png' });
});

test('a failed turn shows a translated error with Retry, and the UI switches to Chinese', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, '/error please');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'error');
  await expect(answer.getByTestId('message-error')).toBeVisible();
  await expect(answer.getByTestId('retry')).toBeVisible();
  const englishError = await answer.getByTestId('message-error').innerText();

  // Theme: follows the OS under "system", and the setting pins it.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await openSettingsAt(page, 'general');
  await page.getByTestId('theme-select').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('language-select').selectOption('zh-CN');
  await page.getByTestId('close-settings').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('new-chat')).toContainText(/[\u4e00-\u9fff]/);
  // The sidebar's rows follow at once (their labels are translated once per list, not per row).
  await expect(page.getByTestId('conversation-delete').first()).toHaveAttribute('aria-label', /[\u4e00-\u9fff]/);
  const chineseError = await answer.getByTestId('message-error').innerText();
  expect(chineseError).not.toBe(englishError);
  expect(chineseError).toMatch(/[\u4e00-\u9fff]/);
  await page.screenshot({ path: 'test-results/e2e/chinese.png' });

  // the setting survives a reload
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a wrong key shows the translated auth error and keeps the question', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  // The connection test already says what is wrong, in the user's language.
  await addFixtureProvider(page, openai.url, 'sk-this-key-is-wrong', /key/i);
  await page.getByTestId('new-chat').click();
  await send(page, 'Does my key work?');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'error');
  await expect(answer.getByTestId('message-error')).toContainText(/key/i);
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveText(/Does my key work\?/);
  expect(await page.content()).not.toContain('sk-this-key-is-wrong');
});
