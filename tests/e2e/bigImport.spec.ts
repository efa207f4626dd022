import { chatgptExport } from '../fixtures/chatgptExport';
import { expect, openSettingsAt, test } from './support/appFixtures';

// A multi-megabyte ChatGPT export (several 1 MB parts): the import shows its progress, Cancel
// leaves nothing behind, and imported again it completes.
const FILE = chatgptExport(2_500_000);
const upload = { name: 'conversations.json', mimeType: 'application/json', buffer: Buffer.from(FILE.text) };

test('a big import shows its progress, can be cancelled without leaving anything, then completes', async ({ page, brook }) => {
  test.setTimeout(300_000);
  await page.goto(brook.url);
  await openSettingsAt(page, 'data');

  await page.getByTestId('import-file').setInputFiles(upload);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('import-status')).toContainText(/Importing… \d+%/);
  await expect(page.getByTestId('import-cancel')).toBeEnabled();
  await expect(page.getByTestId('import-button')).toBeDisabled();
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-status')).toContainText('The import was cancelled. Nothing from the file was kept.');
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('conversation-item')).toHaveCount(0);

  await page.getByTestId('import-file').setInputFiles(upload);
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('import-status')).toContainText(
    `Imported ${FILE.conversations} new conversations and ${FILE.messages} messages (0 already here).`,
    { timeout: 240_000 },
  );
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('conversation-item').first()).toBeVisible();
});
