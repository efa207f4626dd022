import type { Page } from '@playwright/test';
import { addFixtureProvider, expect, lastAssistant, send, test } from './support/appFixtures';

function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() =>
    (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
  );
}

test('keyboard: Esc stops, Ctrl+Shift+C copies the last answer, Ctrl+↑ edits, Ctrl+N, Ctrl+, and the Ctrl+/ sheet', async ({ page, context, brook, openai }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(brook.url).origin });
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, 'first question');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');

  // Esc in the message box stops a streaming answer; the partial answer stays.
  await send(page, '/slow tell me a long story');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'streaming');
  await expect(lastAssistant(page).getByTestId('message-content')).not.toHaveText('');
  await page.getByTestId('composer-input').press('Escape');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'stopped');

  await page.getByTestId('composer-input').press('Control+Shift+C');
  await expect.poll(() => readClipboard(page)).not.toBe('');
  expect(await lastAssistant(page).getByTestId('message-content').innerText()).toContain((await readClipboard(page)).slice(0, 10));

  await page.getByTestId('composer-input').press('Control+ArrowUp');
  const lastQuestion = page.locator('[data-testid="message"][data-role="user"]').last();
  await expect(lastQuestion.getByTestId('edit-message-input')).toHaveValue('/slow tell me a long story');
  await lastQuestion.getByTestId('edit-message-input').press('Escape');

  await page.keyboard.press('Control+Comma');
  await expect(page.getByTestId('close-settings')).toBeVisible();
  await page.getByTestId('close-settings').click();

  await page.keyboard.press('Control+/');
  const sheet = page.getByTestId('shortcuts-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('shortcut-copyLast')).toContainText('Copy the last answer');
  await expect(sheet.getByTestId('shortcut-copyLast')).toContainText('Ctrl Shift C');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('message')).toHaveCount(0);
  await expect(page.getByTestId('composer-input')).toBeFocused();
  await expect(page.getByTestId('conversation-item')).toHaveCount(2);
});
