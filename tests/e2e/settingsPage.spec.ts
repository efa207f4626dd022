import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

test('settings is a page of sections; an error opens the section that fixes it', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url, 'sk-wrong-key', /./);
  await page.getByTestId('new-chat').click();
  await send(page, 'hello');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'error');
  const link = answer.getByTestId('error-open-settings');
  await expect(link).toHaveText('Open Settings → Providers & models');

  // Elsewhere first, so the link has to move the page.
  await openSettingsAt(page, 'data');
  await expect(page.getByTestId('data-section')).toBeVisible();
  await expect(page.getByTestId('provider-add')).toHaveCount(0);
  await page.getByTestId('close-settings').click();
  await link.click();
  await expect(page.getByTestId('settings-section')).toHaveAttribute('data-section', 'providers');
  await expect(page.getByTestId('provider-item')).toHaveCount(1);

  // The side list is keyboard-driven.
  await page.getByTestId('settings-nav-providers').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('settings-section')).toHaveAttribute('data-section', 'webSearch');
  await expect(page.getByTestId('settings-nav-webSearch')).toBeFocused();
  await expect(page.getByTestId('settings-nav-tools')).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('settings-section')).toHaveAttribute('data-section', 'general');
});

test('the settings page fits from 420 px up', async ({ page, brook }) => {
  await page.goto(brook.url);
  for (const width of [420, 640, 1024, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await openSettingsAt(page, 'general');
    for (const section of ['general', 'providers', 'webSearch', 'tools', 'quickAsk', 'local', 'data'] as const) {
      await page.getByTestId(`settings-nav-${section}`).click();
      const body = page.getByTestId('settings-section');
      await expect(body).toHaveAttribute('data-section', section);
      const overflow = await body.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow, `${section} at ${width} px`).toBeLessThanOrEqual(0);
      const dialog = await page.getByTestId('settings-dialog').boundingBox();
      expect(dialog!.x).toBeGreaterThanOrEqual(0);
      expect(dialog!.x + dialog!.width).toBeLessThanOrEqual(width);
    }
    await page.getByTestId('close-settings').click();
  }
});

test('web search cannot be switched on without an engine; it offers to set one up', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  const toggle = page.getByTestId('web-search-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('web-search-offer')).toContainText('No search engine is set up yet.');
  await page.getByTestId('web-search-setup').click();
  await expect(page.getByTestId('settings-section')).toHaveAttribute('data-section', 'webSearch');
  await page.getByTestId('searxng-url').fill('http://127.0.0.1:9/');
  await page.getByTestId('searxng-url').press('Enter');
  await page.getByTestId('close-settings').click();
  // The engine is saved by Enter; the switch can be used once the window has the new settings.
  await expect(toggle).toHaveAttribute('data-ready', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
});
