import type { Page } from '@playwright/test';
import { addFixtureProvider, expect, test } from './support/appFixtures';
import { quickUrl } from './support/quickPage';

/**
 * Holds every frame the core sends to the page until the returned call releases them, in order:
 * the quick window's first screen is drawn, but its state has not arrived (a busy core, or the
 * moment right after the desktop shortcut opened the window).
 */
async function holdCoreFrames(page: Page): Promise<() => void> {
  let held: (() => void)[] | null = [];
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const deliver = () => ws.send(message);
      if (held) held.push(deliver);
      else deliver();
    });
  });
  return () => {
    const queue = held ?? [];
    held = null;
    for (const deliver of queue) deliver();
  };
}

test('a question typed and asked the moment the window opens is kept whole and sent once it is ready', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  const release = await holdCoreFrames(page);
  await page.setViewportSize({ width: 420, height: 460 });
  await page.goto(quickUrl(brook.url));

  // Not ready: nothing from the core yet. The box already takes the keys.
  const input = page.getByTestId('quick-input');
  await expect(input).toBeFocused();
  await expect(page.locator('.quick .pane__loading')).toBeVisible();
  const question = 'Why do brooks babble over stones?';
  await page.keyboard.type(question);
  await page.keyboard.press('Enter');
  await expect(input).toHaveValue(question);
  await expect(page.getByTestId('quick-model-picker')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e/quick-open-before-ready.png' });

  release();
  const answer = page.getByTestId('quick-answer');
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer.getByTestId('message-content')).toHaveText(`You said: ${question}`);
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveCount(1);
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('quick-model-picker')).toBeVisible();
});
