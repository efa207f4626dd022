import type { Page } from '@playwright/test';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';
import { horizontalOverflow, shot } from './support/layoutChecks';
import { SETTINGS_SECTION_IDS } from '../../src/renderer/src/state/settingsSections';
import { quickUrl } from './support/quickPage';

/**
 * Every main view at the four widths, in both languages and both themes, with nothing off
 * screen sideways. Run with BROOK_SHOTS_DIR=/tmp/shots-… to get the screenshots to look at
 * (they are never part of the repository).
 */
const WIDTHS = [420, 640, 1024, 1440] as const;
const MODES = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'zh-CN', theme: 'light' },
  { language: 'zh-CN', theme: 'dark' },
] as const;
const NARROW = 720;

async function look(page: Page, view: string): Promise<void> {
  expect.soft(await horizontalOverflow(page), view).toEqual([]);
  await shot(page, view);
}

for (const { language, theme } of MODES) {
  test(`every main view at every width, ${language}, ${theme}`, async ({ page, brook, openai }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 820 });
    await page.goto(brook.url);
    await addFixtureProvider(page, openai.url);
    // A model the catalog knows, so the picker shows its capability badges.
    await openSettingsAt(page, 'providers');
    await page.getByTestId('provider-edit').click();
    await page.getByTestId('model-add-input').fill('gpt-4o');
    await page.getByTestId('model-add-input').press('Enter');
    await page.getByTestId('provider-save').click();
    await page.getByTestId('settings-nav-general').click();
    await page.getByTestId('language-select').selectOption(language);
    await page.getByTestId('theme-select').selectOption(theme);
    await page.getByTestId('close-settings').click();
    await page.getByTestId('new-chat').click();
    await send(page, '/md show me a table and some code');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
    await expect(lastAssistant(page).locator('table')).toBeVisible();

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 820 });
      const name = (view: string) => `${view}-${width}-${language}-${theme}`;
      const sidebar = page.getByTestId('sidebar');
      if (width <= NARROW && (await sidebar.isVisible())) await page.getByTestId('sidebar-toggle-sidebar').click();
      await expect(page.getByTestId('composer-input')).toBeVisible();
      await look(page, name('chat'));

      if (width <= NARROW) {
        await page.getByTestId('sidebar-toggle-header').click();
        await expect(sidebar).toBeVisible();
        await look(page, name('sidebar'));
        await page.getByTestId('sidebar-toggle-sidebar').click();
        await expect(sidebar).toBeHidden();
      }

      await page.getByTestId('model-picker').click();
      await expect(page.getByTestId('model-picker-popover')).toBeVisible();
      await look(page, name('picker'));
      await page.keyboard.press('Escape');

      await page.getByTestId('composer-input').focus();
      await page.keyboard.press('Control+k');
      await page.getByTestId('search-input').fill('Streaming');
      await expect(page.getByTestId('search-hit').first()).toBeVisible();
      await page.getByTestId('search-from').fill('2024-01-31');
      await page.getByTestId('search-from').press('Enter');
      await look(page, name('search'));
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('search-dialog')).toHaveCount(0);

      await page.keyboard.press('Control+/');
      await expect(page.getByTestId('shortcuts-sheet')).toBeVisible();
      await look(page, name('shortcuts'));
      await page.keyboard.press('Escape');

      await page.keyboard.press('Control+,');
      await expect(page.getByTestId('settings-dialog')).toBeVisible();
      const navIds = await page.locator('[data-testid^="settings-nav-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
      // The sections the page lists now (some ids are reserved for work not merged yet).
      const listed = SETTINGS_SECTION_IDS.filter((id) => navIds.includes(`settings-nav-${id}`));
      expect(listed.length).toBeGreaterThan(5);
      for (const section of listed) {
        await page.getByTestId(`settings-nav-${section}`).click();
        await expect(page.getByTestId('settings-section')).toHaveAttribute('data-section', section);
        await look(page, name(`settings-${section}`));
        if (section === 'quickAsk') {
          await page.getByTestId('quick-model-select').click();
          await expect(page.getByTestId('quick-model-select-popover')).toBeVisible();
          await look(page, name('settings-quickAsk-picker'));
          await page.keyboard.press('Escape');
          await expect(page.getByTestId('settings-dialog')).toBeVisible();
        }
      }
      await page.getByTestId('close-settings').click();
    }

    await page.goto(quickUrl(brook.url));
    await page.getByTestId('quick-input').fill('/md a table please');
    await page.getByTestId('quick-input').press('Enter');
    await expect(page.getByTestId('quick-answer')).toHaveAttribute('data-status', 'done');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 560 });
      await look(page, `quick-${width}-${language}-${theme}`);
    }
    await page.setViewportSize({ width: 420, height: 560 });
    await page.getByTestId('quick-model-picker').click();
    await look(page, `quick-picker-420-${language}-${theme}`);
  });
}
