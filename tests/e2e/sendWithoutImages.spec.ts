import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { shot } from './support/layoutChecks';
import { chooseModel } from './support/modelPicker';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, test } from './support/appFixtures';

/** Screenshots of the offer or the note at both widths, for people to look at (BROOK_SHOTS_DIR). */
async function shotsAtWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 420, height: 760 });
  // At 420 px the sidebar covers the conversation: closed for the picture.
  if (await page.getByTestId('sidebar').isVisible()) await page.getByTestId('sidebar-toggle-sidebar').click();
  await shot(page, `${name}-420`);
  await page.setViewportSize({ width: 1280, height: 760 });
  // Open again: its Settings button is how setLook gets there.
  if (!(await page.getByTestId('sidebar').isVisible())) await page.getByTestId('sidebar-toggle-header').click();
  await shot(page, `${name}-1280`);
}

async function setLook(page: Page, language: 'en' | 'zh-CN', theme: 'light' | 'dark'): Promise<void> {
  await openSettingsAt(page, 'general');
  await page.getByTestId('theme-select').selectOption(theme);
  await page.getByTestId('language-select').selectOption(language);
  await page.getByTestId('close-settings').click();
}

test('a text-only model: the refusal offers "Send without the images", the answer notes it, the image stays', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  // fixture-chat is not marked as seeing images.
  await chooseModel(page, 'Fixture', 'fixture-chat');

  const red = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#e11d48' } }).png().toBuffer();
  await page.getByTestId('composer-input-attach-input').setInputFiles([{ name: 'red.png', mimeType: 'image/png', buffer: red }]);
  await expect(page.getByTestId('pending-attachment').first()).toHaveAttribute('data-status', 'ready');
  openai.clearRequests();
  openai.setScenario({ kind: 'answer', text: 'I cannot see pictures, but here is an answer.', tokensPerSecond: 200 });
  await page.getByTestId('composer-input').fill('What colour is it?');
  await page.getByTestId('composer-input').press('Enter');

  // Refused before anything went out, with the offer; text and file kept.
  await expect(page.locator('.composer__error')).toContainText('fixture-chat cannot see images');
  const offer = page.getByTestId('send-without-images');
  await expect(offer).toHaveText('Send without the images');
  await expect(page.getByTestId('composer-input')).toHaveValue('What colour is it?');
  expect(openai.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  await shotsAtWidths(page, 'offer-en-light');
  await setLook(page, 'zh-CN', 'dark');
  await expect(offer).toHaveText('不带图片发送');
  await shotsAtWidths(page, 'offer-zh-dark');
  await setLook(page, 'en', 'light');

  await offer.click();
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('pending-attachment')).toHaveCount(0);
  await expect(page.locator('.composer__error')).toHaveCount(0);
  const chat = openai.requests.filter((r) => r.path.endsWith('/chat/completions'));
  // The answer's request (then the title's): neither carries an image part.
  expect(JSON.stringify(chat[0]!.body)).toContain('What colour is it?');
  expect(JSON.stringify(chat.map((r) => r.body))).not.toContain('image_url');

  const question = page.locator('[data-testid="message"][data-role="user"]').last();
  await expect(question.getByTestId('message-attachment-thumb')).toBeVisible();
  await expect(answer.getByTestId('images-left-out-note')).toHaveText('Images were left out (1): fixture-chat cannot see images');
  await shotsAtWidths(page, 'note-en-light');

  await page.reload();
  await page.getByTestId('conversation-item').first().click();
  await expect(page.locator('[data-testid="message"][data-role="user"]').last().getByTestId('message-attachment-thumb')).toBeVisible();
  await expect(lastAssistant(page).getByTestId('images-left-out-note')).toContainText('fixture-chat cannot see images');

  await setLook(page, 'zh-CN', 'dark');
  await expect(lastAssistant(page).getByTestId('images-left-out-note')).toHaveText('已省略图片（1 张）：fixture-chat 无法识别图片');
  await shotsAtWidths(page, 'note-zh-dark');
});
