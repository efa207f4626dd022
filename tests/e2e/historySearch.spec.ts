import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { HistoryStore } from '../../src/main/core/history/HistoryStore';
import { startBrook } from './support/brookProcess';

const NO_NETWORK = join(dirname(fileURLToPath(import.meta.url)), 'support', 'noNetwork.mjs');
const LONG = 3000;
const HIT_AT = 151;

/** History written straight to a data folder: nothing here needs a provider or the network. */
function seedHistory(): { dataDir: string; weatherHitId: string; tianqiHitId: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-e2e-offline-'));
  let now = Date.UTC(2025, 0, 1);
  const store = new HistoryStore({ file: join(dataDir, 'brook.sqlite'), clock: () => (now += 1000) });
  const paris = store.createConversation({ title: 'Trip to Paris', model: 'fixture-chat' });
  const q = store.appendMessage({ conversationId: paris.id, parentId: null, role: 'user', content: 'What is the weather like in Paris in May?', status: 'done' });
  const a = store.appendMessage({ conversationId: paris.id, parentId: q.id, role: 'assistant', content: 'Mild and often sunny.', status: 'done', model: 'fixture-chat' });
  void a;
  const long = store.createConversation({ title: '长对话', model: 'fixture-chat' });
  let parentId: string | null = null;
  let tianqiHitId = '';
  for (let i = 0; i < LONG; i++) {
    const role = i % 2 === 0 ? 'user' : 'assistant';
    const content = i === HIT_AT ? '明天的天气预报说会下雨，记得带伞。' : `第 ${i} 条消息：今天聊点别的。Message ${i}.`;
    const m = store.appendMessage({ conversationId: long.id, parentId, role, content, status: 'done', model: role === 'assistant' ? 'fixture-chat' : null });
    if (i === HIT_AT) tianqiHitId = m.id;
    parentId = m.id;
  }
  store.close();
  return { dataDir, weatherHitId: q.id, tianqiHitId };
}

async function search(page: Page, query: string) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByTestId('search-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('search-input').fill(query);
  return dialog;
}

test('offline, with no provider: history lists, opens, and is searched; a hit opens scrolled and highlighted', async ({ page }) => {
  const seeded = seedHistory();
  const brook = await startBrook(seeded.dataDir, { env: { NODE_OPTIONS: `--import ${pathToFileURL(NO_NETWORK).href}` } });
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  try {
    await page.goto(brook.url);
    await expect(page.getByTestId('conversation-item')).toHaveCount(2);

    // 天气: two characters, answered by the short-query index.
    const dialog = await search(page, '天气');
    const hit = dialog.getByTestId('search-hit').first();
    await expect(hit).toHaveAttribute('data-message-id', seeded.tianqiHitId);
    await expect(hit.locator('mark')).toHaveText('天气');
    await expect(hit).toContainText('长对话');
    await page.screenshot({ path: 'test-results/e2e/search-tianqi.png' });
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();

    const target = page.locator(`[data-testid="message"][data-id="${seeded.tianqiHitId}"]`);
    await expect(target).toBeInViewport();
    await expect(page.locator('.message-row--focus')).toContainText('明天的天气预报');
    // Virtualized: thousands of messages, a few dozen in the DOM.
    await expect(page.locator('.message-list')).toHaveAttribute('data-count', String(LONG));
    expect(await page.getByTestId('message').count()).toBeLessThan(100);
    await page.screenshot({ path: 'test-results/e2e/search-jumped.png' });

    // weather: a longer word, answered by the trigram index; opened with the mouse.
    const again = await search(page, 'weather');
    const weather = again.getByTestId('search-hit');
    await expect(weather).toHaveCount(1);
    await expect(weather.locator('mark')).toHaveText('weather');
    await weather.click();
    await expect(page.locator(`[data-testid="message"][data-id="${seeded.weatherHitId}"]`)).toBeInViewport();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trip to Paris');

    // Punctuation and FTS syntax are just text to look for.
    const odd = await search(page, '"天气 AND (NEAR*');
    await expect(odd.getByTestId('search-empty')).toBeVisible();
    // One Escape closes, even with text in the field.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('search-dialog')).toHaveCount(0);

    expect(outside).toEqual([]);
    expect(brook.output()).not.toContain('BLOCKED');
  } finally {
    await brook.stop();
  }
});

test('the long conversation opens at its end, and the search shortcut works from the composer', async ({ page }) => {
  const seeded = seedHistory();
  const brook = await startBrook(seeded.dataDir);
  try {
    await page.goto(brook.url);
    await page.getByTestId('conversation-item').filter({ hasText: '长对话' }).click();
    await expect(page.getByTestId('message').last()).toContainText(`Message ${LONG - 1}.`);
    await expect(page.getByTestId('message').last()).toBeInViewport();
    await page.getByTestId('composer-input').click();
    await page.keyboard.press('Control+k');
    await expect(page.getByTestId('search-dialog')).toBeVisible();
    await page.getByTestId('search-input').fill('第 12');
    await expect(page.getByTestId('search-hit').nth(1)).toBeVisible();
    await expect(page.getByTestId('search-hit').first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('search-hit').nth(1)).toHaveAttribute('aria-selected', 'true');
  } finally {
    await brook.stop();
  }
});

test('the date filters show and read dates in the chosen language, and filter by them', async ({ page }) => {
  const seeded = seedHistory(); // the Paris chat is from 1 January 2025
  const brook = await startBrook(seeded.dataDir);
  try {
    await page.goto(brook.url);
    await expect(page.getByTestId('conversation-item')).toHaveCount(2);
    const dialog = await search(page, 'weather');
    await expect(dialog.getByTestId('search-hit')).toHaveCount(1);
    const from = dialog.getByTestId('search-from');
    // English: typed the US way, shown as English writes it; the filter applies.
    await expect(from).toHaveAttribute('placeholder', 'mm/dd/yyyy');
    await from.fill('1/3/2025');
    await from.press('Enter');
    await expect(from).toHaveValue('Jan 3, 2025');
    await expect(dialog.getByTestId('search-empty')).toBeVisible();
    // Something that is not a date is kept as typed, said so, and changes nothing.
    await from.fill('tomorrow-ish');
    await from.press('Enter');
    await expect(dialog.getByTestId('search-from-invalid')).toHaveText('Not a date. Write it like Dec 31, 2026.');
    await page.keyboard.press('Escape'); // first the field's own draft
    await expect(from).toHaveValue('Jan 3, 2025');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-nav-general').click();
    await page.getByTestId('language-select').selectOption('zh-CN');
    await page.getByTestId('close-settings').click();

    const zh = await search(page, 'weather');
    const zhFrom = zh.getByTestId('search-from');
    await expect(zhFrom).toHaveAttribute('placeholder', '年/月/日');
    await zhFrom.fill('2024/12/30');
    await zhFrom.press('Enter');
    await expect(zhFrom).toHaveValue('2024年12月30日');
    await expect(zh.getByTestId('search-hit')).toHaveCount(1);
    const zhTo = zh.getByTestId('search-to');
    await zhTo.fill('2024年12月31日');
    await zhTo.press('Tab');
    await expect(zhTo).toHaveValue('2024年12月31日');
    await expect(zh.getByTestId('search-empty')).toBeVisible();
    await zhTo.fill('2025-01-02');
    await zhTo.press('Enter');
    await expect(zhTo).toHaveValue('2025年1月2日');
    await expect(zh.getByTestId('search-hit')).toHaveCount(1);
    await zhTo.fill('2025年2月30日');
    await zhTo.press('Enter');
    await expect(zh.getByTestId('search-to-invalid')).toContainText('不是有效日期');
  } finally {
    await brook.stop();
  }
});
