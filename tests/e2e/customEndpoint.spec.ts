import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { codeMsgData, SSE, startCustomHttpFixture } from '../fixtures/customEndpointServers';
import { expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';
import { startBrook } from './support/brookProcess';

/**
 * The custom endpoint kind through the real app in browser mode: describe an endpoint in the
 * form (the `code/msg/data.text` shape with a secret header), Test shows the frames beside what
 * was read, chat and stop, export the description and import it on a fresh data folder.
 */
const SECRET = 'Bearer e2e-custom-secret';

async function openCustomForm(page: Page): Promise<void> {
  await openSettingsAt(page, 'providers');
  await page.getByTestId('provider-add').click();
  await page.getByTestId('provider-preset').selectOption('custom-endpoint');
  await expect(page.getByTestId('custom-endpoint-form')).toBeVisible();
}

test('describe an endpoint, Test it, chat, stop, export and import it on a fresh data folder', async ({ page, brook }) => {
  const server = await startCustomHttpFixture();
  try {
    await page.goto(brook.url);
    await openCustomForm(page);
    await page.getByTestId('custom-preset').selectOption('code-msg-data');
    await page.getByTestId('provider-name').fill('House backend');
    await page.getByTestId('provider-model').fill('house-1');
    await page.getByTestId('custom-url').fill(`${server.url}/api/chat`);
    await page.getByTestId('custom-add-header').click();
    const header = page.getByTestId('custom-header').last();
    await header.getByRole('textbox', { name: /Header name/ }).fill('Authorization');
    await header.getByRole('checkbox').check();
    await header.getByLabel('Header value').fill(SECRET);

    // Test: each frame beside the text read from it.
    server.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['Hel', 'lo ', '世界']) });
    await page.getByTestId('custom-test').click();
    await expect(page.getByTestId('custom-test-summary')).toContainText('4 frames');
    await expect(page.getByTestId('custom-frame')).toHaveCount(4);
    await expect(page.getByTestId('custom-frame-text').first()).toHaveText('Hel');
    await expect(page.getByTestId('custom-frame').first()).toContainText('"data":{"text":"Hel"');
    await expect(page.getByTestId('custom-test-text')).toHaveText('Hello 世界');
    expect(server.requests.at(-1)?.headers.authorization).toBe(SECRET);

    // A wrong path is named with its frame.
    await page.getByTestId('custom-text-path').fill('$.data.answer');
    await page.getByTestId('custom-test').click();
    await expect(page.getByTestId('custom-test-summary')).toContainText('Frame 1: the text path $.data.answer matches nothing');
    await page.getByTestId('custom-text-path').fill('$.data.text');

    await page.getByTestId('provider-save').click();
    await expect(page.getByTestId('provider-item').filter({ hasText: 'House backend' })).toHaveCount(1);
    await page.getByTestId('close-settings').click();

    // Chat: the stored text exactly.
    server.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['A "quoted" ', 'answer 😀']) });
    await page.getByTestId('new-chat').click();
    await send(page, 'Say "hi"\\ please');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
    await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('A "quoted" answer 😀');
    // The first request of the turn is the answer's (the auto-title asks after it).
    const asked = server.requests.map((r) => r.body as { question?: string; model?: string });
    expect(asked).toContainEqual(expect.objectContaining({ question: 'Say "hi"\\ please', model: 'house-1' }));

    // Stop: a slow answer is cut and keeps its text.
    server.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(Array.from({ length: 60 }, (_, i) => `w${i} `)), gapMs: 150 });
    await send(page, 'a long one');
    const answer = lastAssistant(page);
    await expect(answer.getByTestId('message-content')).toContainText('w2');
    await page.getByTestId('stop').click();
    await expect(answer).toHaveAttribute('data-status', 'stopped');
    await expect(answer.getByTestId('message-content')).toContainText('w0 w1 w2');
    await expect.poll(() => server.requests.find((r) => (r.body as { question?: string }).question === 'a long one')?.closedEarly).toBe(true);

    // Export: the description without the secret value.
    await openSettingsAt(page, 'providers');
    await page.getByTestId('provider-item').filter({ hasText: 'House backend' }).getByTestId('provider-edit').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('custom-export').click();
    const file = await (await download).path();
    const exported = readFileSync(file, 'utf8');
    expect(exported).not.toContain('e2e-custom-secret');
    expect(JSON.parse(exported)).toMatchObject({ brookCustomEndpoint: 1, name: 'House backend', model: 'house-1' });

    // Import on a fresh data folder, type the secret again, chat.
    const fresh = await startBrook();
    try {
      await page.goto(fresh.url);
      await openCustomForm(page);
      await page.getByTestId('custom-import-file').setInputFiles(file);
      await expect(page.getByTestId('custom-url')).toHaveValue(`${server.url}/api/chat`);
      await expect(page.getByTestId('provider-name')).toHaveValue('House backend');
      await page.getByTestId('custom-header').last().getByLabel('Header value').fill(SECRET);
      await page.getByTestId('provider-save').click();
      await page.getByTestId('close-settings').click();
      server.serve({ kind: 'raw', headers: SSE, chunks: codeMsgData(['Imported ', 'works']) });
      await page.getByTestId('new-chat').click();
      await send(page, 'hello again');
      await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
      await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('Imported works');
      expect(server.requests.at(-1)?.headers.authorization).toBe(SECRET);
    } finally {
      await fresh.stop();
    }
  } finally {
    await server.close();
  }
});
