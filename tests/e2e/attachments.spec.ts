import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { ATTACHMENT_MAX_PER_MESSAGE } from '../../src/shared/attachments';
import { startOpenAIFixture } from '../fixtures/openaiServer';
import { shot } from './support/layoutChecks';
import { markVision } from './support/visionModel';
import { addFixtureProvider, expect, FIXTURE_KEY, lastAssistant, test } from './support/appFixtures';

/** A real PNG, made here, so the core decodes and thumbnails an actual picture. */
function png(width: number, height: number, color: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } }).png().toBuffer();
}

interface FileArg {
  bytes: number[];
  name: string;
  type: string;
}

// Run in the page; built from strings because this file is compiled without the DOM library.
const PASTE = new Function(
  'el',
  'file',
  `const transfer = new DataTransfer();
   transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
   el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));`,
) as (el: unknown, file: FileArg) => void;
const DRAG_OVER = new Function(
  'el',
  'file',
  `const transfer = new DataTransfer();
   transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
   window.brookTestDrag = transfer;
   el.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
   el.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));`,
) as (el: unknown, file: FileArg) => void;
const DROP = new Function(
  'el',
  `el.dispatchEvent(new DragEvent('drop', { dataTransfer: window.brookTestDrag, bubbles: true, cancelable: true }));`,
) as (el: unknown) => void;
const NATURAL_WIDTH = new Function('img', 'return img.naturalWidth;') as (img: unknown) => number;

/** What a user's paste of a screenshot looks like to the page: a ClipboardEvent whose DataTransfer holds the file. */
async function pasteFile(page: Page, testId: string, bytes: Buffer, name: string, type: string): Promise<void> {
  await page.getByTestId(testId).evaluate(PASTE, { bytes: [...bytes], name, type });
}

/** A drag from the file manager: enter and over (the drop zone shows); `dropDragged` lets go. */
async function dragFileOver(page: Page, testId: string, bytes: Buffer, name: string, type: string): Promise<void> {
  await page.getByTestId(testId).evaluate(DRAG_OVER, { bytes: [...bytes], name, type });
}

async function dropDragged(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).evaluate(DROP);
}

function userMessages(page: Page) {
  return page.locator('[data-testid="message"][data-role="user"]');
}

test('attach by picker, paste and drop; send an image to the model; see it again after a reload, offline', async ({ page, brook }) => {
  // Its own provider, closed halfway: after that nothing but Brook's disk can show the pictures.
  const openai = await startOpenAIFixture({ apiKey: FIXTURE_KEY });
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();

  const red = await png(320, 200, '#e11d48');
  const blue = await png(64, 64, '#2563eb');
  const notes = 'Meeting notes\nThe quokkalantern project starts in March.\n';

  // Picker: the paperclip's file input.
  await page.getByTestId('composer-input-attach-input').setInputFiles([{ name: 'red.png', mimeType: 'image/png', buffer: red }]);
  const chips = page.getByTestId('pending-attachment');
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toHaveAttribute('data-status', 'ready');
  await expect(chips.first().locator('img')).toBeVisible();

  // Paste: a screenshot from the clipboard.
  await pasteFile(page, 'composer-input', blue, 'image.png', 'image/png');
  await expect(chips).toHaveCount(2);

  // Drop: a document dragged onto the conversation shows the drop zone first.
  await dragFileOver(page, 'conversation-pane', Buffer.from(notes), 'notes.md', 'text/markdown');
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await dropDragged(page, 'conversation-pane');
  await expect(page.getByTestId('drop-zone')).toBeHidden();
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(2)).toHaveAttribute('data-name', 'notes.md');
  await expect(chips.nth(2)).toHaveAttribute('data-status', 'ready');

  // Keyboard: the pasted image's chip is removed with Delete; focus moves on to the next chip.
  await chips.nth(1).focus();
  await page.keyboard.press('Delete');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(1)).toBeFocused();

  // The model is not known to see images: refused before anything is sent, nothing lost.
  openai.clearRequests();
  await page.getByTestId('composer-input').fill('What is in these files?');
  await page.getByTestId('composer-input').press('Enter');
  await expect(page.locator('.composer__error')).toContainText('fixture-chat cannot see images');
  await expect(page.getByTestId('composer-input')).toHaveValue('What is in these files?');
  await expect(chips).toHaveCount(2);
  expect(openai.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);

  await markVision(page, 'fixture-chat');
  await expect(chips).toHaveCount(2);
  // Not an echo: the document's words must be found in the file, not in the answer.
  openai.setScenario({ kind: 'answer', text: 'A red picture and your meeting notes.', tokensPerSecond: 200 });
  await page.getByTestId('composer-input').fill('What is in these files?');
  await page.getByTestId('composer-input').press('Enter');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await expect(chips).toHaveCount(0);

  // The provider got the image as an image_url part with a data URL, and the document's text.
  const chat = openai.requests.find((r) => r.path.endsWith('/chat/completions'));
  const body = JSON.stringify(chat?.body);
  expect(body).toContain('"type":"image_url"');
  // The core may re-encode a picture to fit the provider's limits; it stays an inline data URL.
  expect(body).toMatch(/"url":"data:image\/(png|jpeg);base64,[A-Za-z0-9+/]{40}/);
  expect(body).toContain('quokkalantern');

  const sent = userMessages(page).last();
  await expect(sent.getByTestId('message-attachment-thumb')).toBeVisible();
  await expect(sent.getByTestId('message-attachment-document')).toContainText('notes.md');

  // After a reload with the network to everything but Brook cut, the thumbnail still comes from disk.
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  await openai.close();
  await page.reload();
  await page.getByTestId('conversation-item').first().click();
  const again = userMessages(page).last();
  await expect(again.getByTestId('message-attachment-thumb')).toBeVisible();
  expect(await again.getByTestId('message-attachment-thumb').evaluate(NATURAL_WIDTH)).toBeGreaterThan(0);

  // The viewer: opens larger, Escape closes it and focus returns to the thumbnail.
  await again.getByTestId('message-attachment-image').click();
  const viewer = page.getByTestId('image-viewer');
  await expect(viewer.getByTestId('image-viewer-image')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(again.getByTestId('message-attachment-image')).toBeFocused();

  // The document's text, as plain text.
  await again.getByTestId('message-attachment-document').click();
  await expect(page.getByTestId('document-viewer-text')).toContainText('The quokkalantern project starts in March.');
  await page.keyboard.press('Escape');

  // Search finds the document's text and names the file.
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('quokkalantern');
  const questionId = await again.getAttribute('data-id');
  const hit = page.locator(`[data-testid="search-hit"][data-message-id="${questionId}"]`);
  await expect(hit.getByTestId('search-hit-file')).toContainText('notes.md');
  await expect(hit.locator('mark').first()).toHaveText(/quokkalantern/i);
  await shot(page, 'search-document-hit');
  await hit.click();
  await expect(page.getByTestId('search-dialog')).toBeHidden();
  await expect(page.locator(`[data-testid="message"][data-id="${questionId}"]`)).toBeInViewport();
});

test('over the limit: a clear error names it and the typed text is kept', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await page.getByTestId('composer-input').fill('Keep this text');
  const tiny = Buffer.from('x');
  const files = Array.from({ length: ATTACHMENT_MAX_PER_MESSAGE + 1 }, (_, i) => ({ name: `f${i}.txt`, mimeType: 'text/plain', buffer: tiny }));
  await page.getByTestId('composer-input-attach-input').setInputFiles(files);
  await expect(page.getByTestId('pending-attachment')).toHaveCount(ATTACHMENT_MAX_PER_MESSAGE);
  await expect(page.getByTestId('attachment-notes')).toContainText(`at most ${ATTACHMENT_MAX_PER_MESSAGE} files`);
  await expect(page.getByTestId('composer-input')).toHaveValue('Keep this text');
});

test('quick ask: a pasted screenshot and a dropped file go with the question', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await markVision(page, 'fixture-chat');
  const url = new URL(brook.url);
  await page.goto(`${url.origin}/quick.html${url.hash}`);
  await expect(page.getByTestId('quick-root')).toBeVisible();

  await pasteFile(page, 'quick-input', await png(200, 120, '#16a34a'), 'image.png', 'image/png');
  await dragFileOver(page, 'quick-root', Buffer.from('Quick notes about otters.'), 'otters.txt', 'text/plain');
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await dropDragged(page, 'quick-root');
  const chips = page.getByTestId('pending-attachment');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(0)).toHaveAttribute('data-status', 'ready');
  await expect(chips.nth(1)).toHaveAttribute('data-status', 'ready');

  openai.clearRequests();
  await page.getByTestId('quick-input').fill('Describe both');
  await page.getByTestId('quick-input').press('Enter');
  const question = userMessages(page).last();
  await expect(question.getByTestId('message-attachment-thumb')).toBeVisible();
  await expect(question.getByTestId('message-attachment-document')).toContainText('otters.txt');
  await expect(page.getByTestId('quick-answer')).toHaveAttribute('data-status', 'done');
  const body = JSON.stringify(openai.requests.find((r) => r.path.endsWith('/chat/completions'))?.body);
  expect(body).toContain('"type":"image_url"');
  expect(body).toContain('Quick notes about otters.');
});
