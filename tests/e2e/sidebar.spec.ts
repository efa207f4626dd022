import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

const CHATGPT_EXPORT = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/chatgpt-conversations.json');

async function ask(page: Page, text: string) {
  await page.getByTestId('new-chat').click();
  await send(page, text);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
}

const titles = (page: Page) => page.getByTestId('conversation-title');

test('sidebar: date groups, one Tab stop per row with its actions on the arrow keys, rename keeps the place, delete with Undo', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await ask(page, 'alpha chat');
  await ask(page, 'beta chat');

  // New chat twice: one untouched chat, not two.
  await page.getByTestId('new-chat').click();
  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(3);
  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(3);
  // From another chat, New chat goes back to the untouched one.
  await page.getByTestId('conversation-item').filter({ hasText: 'alpha chat' }).click();
  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(3);
  await expect(page.locator('[data-testid="conversation-item"][data-active="true"]')).toHaveAttribute('data-id', /.+/);
  await expect(page.getByTestId('message')).toHaveCount(0);

  // Old chats (a 2024 ChatGPT export) land under their month, after Today.
  await openSettingsAt(page, 'data');
  await page.getByTestId('import-file').setInputFiles(CHATGPT_EXPORT);
  await expect(page.getByTestId('import-status')).toContainText('Imported');
  await page.getByTestId('close-settings').click();
  const groups = page.getByTestId('conversation-group');
  await expect(groups.first()).toHaveText('Today');
  await expect(groups.nth(1)).toHaveText(/^[A-Z][a-z]+ \d{4}$/);

  // Keyboard: Tab reaches a row, ↓ moves to the next chat, → walks its actions, F2 renames.
  const beta = page.getByTestId('conversation-item').filter({ hasText: 'beta chat' });
  const alpha = page.getByTestId('conversation-item').filter({ hasText: 'alpha chat' });
  await beta.getByTestId('conversation-select').focus();
  await page.keyboard.press('ArrowDown');
  await expect(alpha.getByTestId('conversation-select')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(alpha.getByTestId('conversation-rename')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(alpha.getByTestId('conversation-pin')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(alpha.getByTestId('conversation-select')).toBeFocused();
  const before = await titles(page).allTextContents();
  await page.keyboard.press('F2');
  await page.getByTestId('conversation-rename-input').fill('alpha renamed');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('conversation-item').filter({ hasText: 'alpha renamed' })).toHaveCount(1);
  // Renaming is not activity: the chat keeps its place.
  expect(await titles(page).allTextContents()).toEqual(before.map((t) => (t === 'alpha chat' ? 'alpha renamed' : t)));

  // Delete at once (no question), Undo brings it back.
  const renamed = page.getByTestId('conversation-item').filter({ hasText: 'alpha renamed' });
  await renamed.getByTestId('conversation-select').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(renamed).toHaveCount(0);
  await page.getByTestId('undo-delete').click();
  await expect(page.getByTestId('conversation-item').filter({ hasText: 'alpha renamed' })).toHaveCount(1);
});
