import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';
import { lastAnswerRequest } from './support/answerRequests';

const CHATGPT_EXPORT = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/chatgpt-conversations.json');

function userMessages(page: Page) {
  return page.locator('[data-testid="message"][data-role="user"]');
}

async function ask(page: Page, text: string) {
  await send(page, text);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await expect(lastAssistant(page).getByTestId('message-content')).toHaveText(`You said: ${text}`);
}

function item(page: Page, title: string) {
  return page.getByTestId('conversation-item').filter({ hasText: title });
}

test('edit a question, regenerate an answer and switch between the branches ‹ 1/2 ›', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await ask(page, 'first question');
  await ask(page, 'second question');

  const second = userMessages(page).nth(1);
  await second.hover();
  await second.getByTestId('edit-message-button').click();
  await second.getByTestId('edit-message-input').fill('second question, edited');
  await second.getByTestId('edit-message-send').click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('You said: second question, edited');
  await expect(userMessages(page)).toHaveCount(2);
  await expect(userMessages(page).nth(1).getByTestId('branch-position')).toHaveText('2/2');
  await expect(userMessages(page).nth(0).getByTestId('branch-switcher')).toHaveCount(0);

  // back to the original question: its own answer comes with it
  await userMessages(page).nth(1).getByTestId('branch-prev').click();
  await expect(userMessages(page).nth(1).getByTestId('message-content')).toHaveText('second question');
  await expect(userMessages(page).nth(1).getByTestId('branch-position')).toHaveText('1/2');
  await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('You said: second question');

  // regenerate that answer: a sibling, shown 2/2, the first one a click away
  await lastAssistant(page).hover();
  await lastAssistant(page).getByTestId('regenerate').click();
  await expect(lastAssistant(page).getByTestId('branch-position')).toHaveText('2/2');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: 'test-results/e2e/branches.png' });
  await lastAssistant(page).getByTestId('branch-prev').click();
  await expect(lastAssistant(page).getByTestId('branch-position')).toHaveText('1/2');

  // the next question follows the visible branch, and the branch survives a reload
  await userMessages(page).nth(1).getByTestId('branch-next').click();
  await expect(userMessages(page).nth(1).getByTestId('message-content')).toHaveText('second question, edited');
  await ask(page, 'third');
  const sent = lastAnswerRequest(openai.requests)!.body as { messages: { content: string }[] };
  expect(sent.messages.map((m) => m.content)).toEqual([
    'first question',
    'You said: first question',
    'second question, edited',
    'You said: second question, edited',
    'third',
  ]);
  await page.reload();
  await item(page, 'first question').click();
  await expect(userMessages(page)).toHaveCount(3);
  await expect(userMessages(page).nth(1).getByTestId('branch-position')).toHaveText('2/2');
});

test('pin, archive, and delete with undo', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  for (const text of ['alpha chat', 'beta chat', 'gamma chat']) {
    await page.getByTestId('new-chat').click();
    await ask(page, text);
  }
  const items = page.getByTestId('conversation-item');
  await expect(items.first()).toContainText('gamma chat');

  await item(page, 'alpha chat').hover();
  await item(page, 'alpha chat').getByTestId('conversation-pin').click();
  await expect(items.first()).toContainText('alpha chat');
  await expect(items.first()).toHaveAttribute('data-pinned', 'true');

  await item(page, 'beta chat').hover();
  await item(page, 'beta chat').getByTestId('conversation-archive').click();
  await expect(item(page, 'beta chat')).toHaveCount(0);
  await page.getByTestId('sidebar-filter-archived').click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('beta chat');
  await page.getByTestId('sidebar-filter-all').click();

  await item(page, 'gamma chat').hover();
  await item(page, 'gamma chat').getByTestId('conversation-delete').click();
  await expect(item(page, 'gamma chat')).toHaveCount(0);
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e/undo-toast.png' });
  await page.getByTestId('undo-delete').click();
  await expect(item(page, 'gamma chat')).toHaveCount(1);
  await expect(page.getByTestId('undo-toast')).toHaveCount(0);

  // after a reload: the pin and the archive are kept, the restored chat is there
  await page.reload();
  await expect(items.first()).toContainText('alpha chat');
  await expect(items).toHaveCount(2);
  await expect(item(page, 'gamma chat')).toHaveCount(1);
});

test('export a conversation (Markdown, HTML, JSON) and import it back; import ChatGPT without duplicates', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await ask(page, 'Export <b>me</b>');
  await lastAssistant(page).hover();
  await lastAssistant(page).getByTestId('regenerate').click();
  await expect(lastAssistant(page).getByTestId('branch-position')).toHaveText('2/2');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');

  const exportAs = async (format: string) => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-conversation').click();
    await page.getByTestId(`export-conversation-${format}`).click();
    const file = await download;
    return { name: file.suggestedFilename(), path: (await file.path())!, text: readFileSync((await file.path())!, 'utf8') };
  };
  const md = await exportAs('markdown');
  expect(md.name).toBe('Export b me b.md');
  expect(md.text).toContain('You said: Export <b>me</b>');
  const html = await exportAs('html');
  expect(html.text).toContain('Export &lt;b&gt;me&lt;/b&gt;');
  expect(html.text).not.toMatch(/<script|<b>/i);
  const json = await exportAs('json');
  expect(json.name).toBe('Export b me b.brook.json');
  expect((JSON.parse(json.text) as { conversations: { messages: unknown[] }[] }).conversations[0]!.messages).toHaveLength(3);

  // deleted (the undo window left to pass), then imported again: back with both answers
  await item(page, 'Export <b>me</b>').hover();
  await item(page, 'Export <b>me</b>').getByTestId('conversation-delete').click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(0);
  await openSettingsAt(page, 'data');
  await page.getByTestId('import-file').setInputFiles(json.path);
  await expect(page.getByTestId('import-status')).toContainText('Imported 1 new conversations and 3 messages');
  await page.getByTestId('import-file').setInputFiles(json.path);
  await expect(page.getByTestId('import-status')).toContainText('Imported 0 new conversations and 0 messages (1 already here)');

  await page.getByTestId('import-file').setInputFiles(CHATGPT_EXPORT);
  await expect(page.getByTestId('import-status')).toContainText('Imported 2 new conversations and 11 messages');
  await page.screenshot({ path: 'test-results/e2e/import.png' });
  await page.getByTestId('import-file').setInputFiles(CHATGPT_EXPORT);
  await expect(page.getByTestId('import-status')).toContainText('Imported 0 new conversations and 0 messages (2 already here)');
  await page.getByTestId('close-settings').click();

  await item(page, 'Export <b>me</b>').click();
  await expect(lastAssistant(page).getByTestId('branch-position')).toHaveText('2/2');
  await item(page, 'Oslo weather in spring').click();
  await expect(userMessages(page).first().getByTestId('branch-position')).toHaveText('1/2');
  await userMessages(page).first().getByTestId('branch-next').click();
  await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('Bergen in spring is rainy and mild, about 6–14 °C.');
  await page.getByTestId('sidebar-filter-archived').click();
  await expect(item(page, '图片中的天气')).toHaveCount(1);
  // the stored [image] line shows in the UI language
  await item(page, '图片中的天气').click();
  await expect(userMessages(page).first().getByTestId('imported-image')).toHaveText('[Image not in the export]');
  await expect(userMessages(page).first().getByTestId('message-content')).not.toContainText('[image]');
});

test('ten thousand conversations: the sidebar keeps only the rows in view', async ({ page, brook }) => {
  const conversations = Array.from({ length: 10_000 }, (_, i) => ({
    id: `bulk-${i}`,
    title: `Bulk conversation ${i}`,
    createdAt: 1_700_000_000_000 + i * 1000,
    updatedAt: 1_700_000_000_000 + i * 1000,
    currentLeafId: `bulk-${i}-m`,
    messages: [{ id: `bulk-${i}-m`, parentId: null, role: 'user', content: `message ${i}`, createdAt: 1_700_000_000_000 + i * 1000 }],
  }));
  await page.goto(brook.url);
  await openSettingsAt(page, 'data');
  await page.getByTestId('import-file').setInputFiles({
    name: 'bulk.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'brook.history', version: 1, exportedAt: 0, conversations })),
  });
  await expect(page.getByTestId('import-status')).toContainText('Imported 10000 new conversations', { timeout: 30_000 });
  await page.getByTestId('close-settings').click();
  const items = page.getByTestId('conversation-item');
  await expect(items.first()).toContainText('Bulk conversation 9999');
  expect(await items.count()).toBeLessThan(80);
  await page.getByTestId('conversation-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(item(page, 'Bulk conversation 0')).toHaveCount(1);
  expect(await items.count()).toBeLessThan(80);
});
