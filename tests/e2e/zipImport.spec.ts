import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { shot } from './support/layoutChecks';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, test } from './support/appFixtures';

const NATURAL_WIDTH = new Function('img', 'return img.naturalWidth;') as (img: unknown) => number;

function userMessages(page: Page) {
  return page.locator('[data-testid="message"][data-role="user"]');
}

/** A picture with something to see in it: a sky, a sea and a sun. */
function picture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">
    <rect width="600" height="260" fill="#7cc4f4"/><rect y="260" width="600" height="140" fill="#1e5f8c"/>
    <circle cx="460" cy="110" r="60" fill="#ffd24a"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** ChatGPT's export zip: conversations.json with a question carrying two images, the second in the zip only when `both`. */
async function chatGptZip(both = false): Promise<Uint8Array> {
  const node = (id: string, parent: string | null, children: string[], role: string | null, parts: unknown[]) => ({
    id,
    parent,
    children,
    message: role ? { id, author: { role }, create_time: 1_700_000_000, content: { content_type: 'multimodal_text', parts }, status: 'finished_successfully' } : null,
  });
  const conversations = [
    {
      id: 'zip-1',
      title: 'Seaside picture',
      create_time: 1_700_000_000,
      update_time: 1_700_000_100,
      current_node: 'a',
      mapping: {
        root: node('root', null, ['q'], null, []),
        q: node('q', 'root', ['a'], 'user', [
          'What is in this picture?',
          { content_type: 'image_asset_pointer', asset_pointer: 'file-service://file-Sea42', width: 600, height: 400 },
          { content_type: 'image_asset_pointer', asset_pointer: 'sediment://file_00gone', width: 10, height: 10 },
        ]),
        a: node('a', 'q', [], 'assistant', ['A calm sea under a sunny sky.']),
      },
    },
  ];
  return zipSync({
    'conversations.json': Buffer.from(JSON.stringify(conversations)),
    'file-Sea42-seaside.png': await picture(),
    'chat.html': Buffer.from('<html></html>'),
    ...(both ? { 'user-1/file_00gone-sanitized.png': await sharp(await picture()).rotate(90).png().toBuffer() } : {}),
  });
}

test('a ChatGPT export zip keeps its images: the thumbnail shows and opens the viewer; a missing image is named', async ({ page, brook }, info) => {
  mkdirSync(info.outputDir, { recursive: true });
  const zipPath = join(info.outputDir, 'chatgpt-export.zip');
  writeFileSync(zipPath, await chatGptZip());
  await page.goto(brook.url);
  await openSettingsAt(page, 'data');
  await page.getByTestId('import-file').setInputFiles(zipPath);
  await expect(page.getByTestId('import-status')).toContainText('Imported 1 new conversations and 2 messages');
  await page.getByTestId('close-settings').click();

  await page.getByTestId('conversation-item').filter({ hasText: 'Seaside picture' }).click();
  const question = userMessages(page).first();
  await expect(question.getByTestId('message-content')).toContainText('What is in this picture?');
  await expect(question.getByTestId('imported-image')).toHaveText('[Image not in the export]');
  const thumb = question.getByTestId('message-attachment-thumb');
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate(NATURAL_WIDTH)).toBeGreaterThan(0);

  await question.getByTestId('message-attachment-image').click();
  const viewer = page.getByTestId('image-viewer');
  await expect(viewer.getByTestId('image-viewer-image')).toBeVisible();
  expect(await viewer.getByTestId('image-viewer-image').evaluate(NATURAL_WIDTH)).toBe(600);
  await shot(page, 'zip-import-viewer-1280');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
});

/** The image viewer (an imported picture) and the document viewer (a sent note) at 420 px, in both languages and themes. */
test('the attachment viewers at 420 px, en and zh-CN, light and dark', async ({ page, brook, openai }, info) => {
  test.setTimeout(240_000);
  mkdirSync(info.outputDir, { recursive: true });
  const zipPath = join(info.outputDir, 'chatgpt-export.zip');
  writeFileSync(zipPath, await chatGptZip(true));
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await openSettingsAt(page, 'data');
  await page.getByTestId('import-file').setInputFiles(zipPath);
  await expect(page.getByTestId('import-status')).toContainText('Imported 1');
  await page.getByTestId('close-settings').click();
  await page.getByTestId('new-chat').click();
  const note = `# Harbour notes\n\n${'The ferry leaves at nine; the tide turns at noon and the pier closes at dusk. '.repeat(6)}`;
  await page.getByTestId('composer-input-attach-input').setInputFiles([{ name: 'harbour-notes-for-the-summer-season.md', mimeType: 'text/markdown', buffer: Buffer.from(note) }]);
  await expect(page.getByTestId('pending-attachment').first()).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('composer-input').fill('Summarise the notes');
  await page.getByTestId('composer-input').press('Enter');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

  for (const language of ['en', 'zh-CN']) {
    for (const theme of ['light', 'dark']) {
      await page.setViewportSize({ width: 1280, height: 820 });
      // The sidebar closed at 420 px stays closed: its settings button is in it.
      if (!(await page.getByTestId('sidebar').isVisible())) await page.getByTestId('sidebar-toggle-header').click();
      await openSettingsAt(page, 'general');
      await page.getByTestId('language-select').selectOption(language);
      await page.getByTestId('theme-select').selectOption(theme);
      await page.getByTestId('close-settings').click();
      await page.setViewportSize({ width: 420, height: 820 });
      if (await page.getByTestId('sidebar').isVisible()) await page.getByTestId('sidebar-toggle-sidebar').click();

      await page.getByTestId('sidebar-toggle-header').click();
      await page.getByTestId('conversation-item').filter({ hasText: 'Seaside picture' }).click();
      if (await page.getByTestId('sidebar').isVisible()) await page.getByTestId('sidebar-toggle-sidebar').click();
      await userMessages(page).first().getByTestId('message-attachment-image').first().click();
      await expect(page.getByTestId('image-viewer-image')).toBeVisible();
      await expect(page.getByTestId('image-viewer-position')).toHaveText(/1\D+2/);
      await shot(page, `image-viewer-420-${language}-${theme}`);
      await page.keyboard.press('Escape');

      await page.getByTestId('sidebar-toggle-header').click();
      await page.getByTestId('conversation-item').filter({ hasNotText: 'Seaside picture' }).first().click();
      if (await page.getByTestId('sidebar').isVisible()) await page.getByTestId('sidebar-toggle-sidebar').click();
      await userMessages(page).last().getByTestId('message-attachment-document').click();
      await expect(page.getByTestId('document-viewer-text')).toContainText('The ferry leaves at nine');
      await shot(page, `document-viewer-420-${language}-${theme}`);
      await page.keyboard.press('Escape');
    }
  }
});
