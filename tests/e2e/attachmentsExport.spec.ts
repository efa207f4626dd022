import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { startBrook } from './support/brookProcess';
import { shot } from './support/layoutChecks';
import { markVision } from './support/visionModel';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, test } from './support/appFixtures';

/** Two colours side by side, so a wrong, cropped or mirrored picture shows in the sampled pixels. */
function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="300">
    <rect width="240" height="300" fill="#e11d48"/><rect x="240" width="240" height="300" fill="#2563eb"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A one-page PDF with a real text layer, written with a PDF library. */
async function reportPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText('Harbour report: the zephyrquill ledger balances in April.', { x: 40, y: 780, size: 12, font });
  return Buffer.from(await pdf.save());
}

interface Shown {
  width: number;
  height: number;
  left: number[];
  right: number[];
}

// Run in the page; built from strings because this file is compiled without the DOM library.
const SHOWN = new Function(
  'img',
  `const canvas = document.createElement('canvas');
   canvas.width = img.naturalWidth;
   canvas.height = img.naturalHeight;
   const g = canvas.getContext('2d');
   g.drawImage(img, 0, 0);
   const at = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
   return { width: img.naturalWidth, height: img.naturalHeight, left: at(10, 150), right: at(470, 150) };`,
) as (img: unknown) => Shown;

function userMessages(page: Page) {
  return page.locator('[data-testid="message"][data-role="user"]');
}

async function exportAs(page: Page, format: 'json' | 'markdown'): Promise<{ name: string; path: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-conversation').click();
  await page.getByTestId(`export-conversation-${format}`).click();
  const file = await download;
  const path = (await file.path())!;
  return { name: file.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface ExportedAttachment {
  name: string;
  sha256: string;
  data: string;
  text: string | null;
}

test('export a conversation with an image and a PDF as Brook JSON; a fresh Brook imports it whole', async ({ page, brook, openai }) => {
  const image = await photo();
  const pdf = await reportPdf();
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await markVision(page, 'fixture-chat');
  await page.getByTestId('new-chat').click();

  await page.getByTestId('composer-input-attach-input').setInputFiles([
    { name: 'harbour.png', mimeType: 'image/png', buffer: image },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  const chips = page.getByTestId('pending-attachment');
  await expect(chips).toHaveCount(2);
  await expect(chips.nth(0)).toHaveAttribute('data-status', 'ready');
  await expect(chips.nth(1)).toHaveAttribute('data-status', 'ready');
  openai.setScenario({ kind: 'answer', text: 'Two colours and a harbour report.', tokensPerSecond: 200 });
  await page.getByTestId('composer-input').fill('What do these show?');
  await page.getByTestId('composer-input').press('Enter');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await expect(userMessages(page).last().getByTestId('message-attachment-thumb')).toBeVisible();

  // The JSON carries both files byte for byte, and the PDF's extracted text.
  const json = await exportAs(page, 'json');
  expect(json.name).toMatch(/\.brook\.json$/);
  const exported = JSON.parse(json.text) as { conversations: { title: string; messages: { attachments?: ExportedAttachment[] }[] }[] };
  const files = exported.conversations[0]!.messages.flatMap((m) => m.attachments ?? []);
  expect(files.map((f) => f.name).sort()).toEqual(['harbour.png', 'report.pdf']);
  const byName = new Map(files.map((f) => [f.name, f]));
  expect(Buffer.from(byName.get('harbour.png')!.data, 'base64').equals(image)).toBe(true);
  expect(byName.get('harbour.png')!.sha256).toBe(sha256(image));
  expect(Buffer.from(byName.get('report.pdf')!.data, 'base64').equals(pdf)).toBe(true);
  expect(byName.get('report.pdf')!.text).toContain('zephyrquill');

  // A second Brook with an empty data folder: nothing but the file brings the attachments over.
  const fresh = await startBrook();
  try {
    await page.goto(fresh.url);
    await expect(page.getByTestId('conversation-item')).toHaveCount(0);
    await openSettingsAt(page, 'data');
    await page.getByTestId('import-file').setInputFiles(json.path);
    await expect(page.getByTestId('import-status')).toContainText('Imported 1 new conversations and 2 messages');
    await page.getByTestId('close-settings').click();
    // The fixture model also names the conversation, so its title is whatever the export says.
    await page.getByTestId('conversation-item').filter({ hasText: exported.conversations[0]!.title }).click();

    const question = userMessages(page).first();
    const thumb = question.getByTestId('message-attachment-thumb');
    await expect(thumb).toBeVisible();
    await expect.poll(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await expect(question.getByTestId('message-attachment-document')).toContainText('report.pdf');
    await shot(page, 'attachments-imported-1280');

    // The viewer shows the original picture: its size, red on the left and blue on the right.
    await question.getByTestId('message-attachment-image').click();
    const full = page.getByTestId('image-viewer').getByTestId('image-viewer-image');
    await expect(full).toBeVisible();
    await expect.poll(() => full.evaluate((img) => (img as unknown as { complete: boolean }).complete)).toBe(true);
    const shown = await full.evaluate(SHOWN);
    expect({ width: shown.width, height: shown.height }).toEqual({ width: 480, height: 300 });
    expect(shown.left).toEqual([0xe1, 0x1d, 0x48]);
    expect(shown.right).toEqual([0x25, 0x63, 0xeb]);
    await shot(page, 'attachments-imported-viewer-1280');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('image-viewer')).toBeHidden();

    // The document chip shows the text extracted before the export (this Brook never read the PDF).
    await question.getByTestId('message-attachment-document').click();
    await expect(page.getByTestId('document-viewer-text')).toContainText('the zephyrquill ledger balances in April');
    await page.keyboard.press('Escape');

    // History search finds the document's words and names the file.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('zephyrquill');
    const hit = page.locator(`[data-testid="search-hit"][data-message-id="${await question.getAttribute('data-id')}"]`);
    await expect(hit.getByTestId('search-hit-file')).toContainText('report.pdf');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('search-dialog')).toBeHidden();

    // The imported conversation's Markdown export shows the image inline and links the PDF.
    const md = await exportAs(page, 'markdown');
    expect(md.text).toContain(`![harbour.png](data:image/png;base64,${image.toString('base64')})`);
    expect(md.text).toContain(`[report.pdf](data:application/pdf;base64,${pdf.toString('base64')})`);
  } finally {
    await fresh.stop();
  }
});
