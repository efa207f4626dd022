import { addFixtureProvider, expect, lastAssistant, send, test } from './support/appFixtures';
import { horizontalOverflow, shot, textLines } from './support/layoutChecks';

const WIDTHS = [420, 640, 1024, 1440] as const;
const WIDE_TABLE = [
  'A long title that would push the header buttons off a narrow window if nothing wrapped',
  '',
  '| Algorithm | Complexity | Stability | Memory | Typical use | Notes |',
  '| --- | --- | --- | --- | --- | --- |',
  '| Quicksort | n log n | unstable | log n | general purpose | pivot choice matters |',
  '| Mergesort | n log n | stable | n | linked lists | external sorting |',
].join('\n');

for (const width of WIDTHS) {
  test(`nothing is off screen at ${width} px: empty state, chat, settings, search`, async ({ page, brook, openai }) => {
    await page.setViewportSize({ width, height: 820 });
    await page.goto(brook.url);
    await expect(page.getByTestId('open-settings').or(page.getByTestId('sidebar-toggle-header'))).not.toHaveCount(0);
    expect(await horizontalOverflow(page), 'first start').toEqual([]);

    if (width <= 720) {
      // A narrow window starts with the list folded away; the header's toggle brings it over the chat.
      await expect(page.getByTestId('sidebar')).toBeHidden();
      await page.getByTestId('sidebar-toggle-header').click();
    }
    await addFixtureProvider(page, openai.url);
    await page.getByTestId('new-chat').click();
    await send(page, WIDE_TABLE);
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
    await expect(lastAssistant(page).locator('table')).toBeVisible();
    expect(await horizontalOverflow(page), 'conversation').toEqual([]);
    // A table keeps its words whole and scrolls sideways when the column is too narrow.
    const cell = lastAssistant(page).locator('th', { hasText: 'Algorithm' });
    expect(await textLines(cell), '“Algorithm” stays on one line').toBe(1);
    const hint = page.locator('.composer__hint');
    if (await hint.isVisible()) expect(await textLines(hint), 'the composer hint keeps to one line').toBe(1);
    await shot(page, `layout-chat-${width}`);

    // New chat folded the list away on a narrow window: the header is in reach.
    await page.getByTestId('open-search').click();
    await expect(page.getByTestId('search-input')).toBeVisible();
    expect(await horizontalOverflow(page), 'search').toEqual([]);
    await page.keyboard.press('Escape');

    if (width <= 720) await page.getByTestId('sidebar-toggle-header').click();
    await page.getByTestId('open-settings').click();
    expect(await horizontalOverflow(page), 'settings').toEqual([]);
  });
}

test('the sidebar folds behind a toggle and stays folded after a reload', async ({ page, brook }) => {
  await page.goto(brook.url);
  await expect(page.getByTestId('sidebar')).toBeVisible();
  await page.getByTestId('sidebar-toggle-sidebar').click();
  await expect(page.getByTestId('sidebar')).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('sidebar')).toBeHidden();
  await page.getByTestId('sidebar-toggle-header').click();
  await expect(page.getByTestId('sidebar')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('sidebar')).toBeVisible();
});
