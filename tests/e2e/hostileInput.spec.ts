import { addFixtureProvider, expect, lastAssistant, test } from './support/appFixtures';

/** The textarea as the page sees it (this tsconfig has no DOM types). */
interface Box {
  value: string;
  dispatchEvent(event: Event): boolean;
}

/**
 * Issue #12 item 2: a paste of "x" and 2,200,000 × U+0001 is under the character limit but
 * 13 MB as sent (JSON escapes each as 6 bytes). The page must refuse it with the translated
 * "too long" message, keep the text, and stay connected — the server is never sent the frame.
 */
test('a paste that is too long as sent is refused in the page, kept, and the page stays connected', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  const input = page.getByTestId('composer-input');
  // fill() would type 2.2 M characters through the input pipeline; set the value the way a paste lands.
  await input.evaluate((node) => {
    const el = node as unknown as Box;
    el.value = 'x' + '\u0001'.repeat(2_200_000);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await input.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: /too long/ })).toBeVisible();
  expect(await input.evaluate((node) => (node as unknown as Box).value.length)).toBe(2_200_001);

  // Still connected: no "reconnecting" banner, and the next message is answered.
  await input.evaluate((node) => {
    const el = node as unknown as Box;
    el.value = '';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await input.fill('still here?');
  await input.press('Enter');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await expect(page.getByText(/reconnecting/i)).toHaveCount(0);
});
