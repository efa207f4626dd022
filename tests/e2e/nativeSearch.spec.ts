import type { Page } from '@playwright/test';
import { startSparkFixture } from '../fixtures/sparkServer';
import { chooseDefaultModel, FIXTURE_KEY, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';
import { addProvider } from './support/providerSetup';

/**
 * Settings → Web search → "the model's own search" with the providers whose search Brook
 * reads: Baidu Qianfan v2 (sources listed) and iFlytek Spark (a step, no sources; Lite says it
 * cannot search). The steps look the same after a reload.
 */
async function useNativeSearch(page: Page): Promise<void> {
  await openSettingsAt(page, 'webSearch');
  await page.getByTestId('web-search-backend').selectOption('native');
  await page.getByTestId('web-search-default').check();
  await page.getByTestId('close-settings').click();
  await page.getByTestId('new-chat').click();
  await expect(page.getByTestId('web-search-toggle')).toHaveAttribute('aria-pressed', 'true');
}

test('Qianfan v2: its own search results become the sources under the answer', async ({ page, brook, openai }) => {
  openai.setScenario({
    kind: 'answer',
    text: 'It is sunny in Hefei today.',
    tokensPerSecond: 20,
    searchResults: [
      { index: 1, title: 'Hefei weather today', url: 'https://weather.example/hefei' },
      { index: 2, title: 'Anhui forecast', link: 'https://forecast.example/anhui' },
    ],
  });
  // The fixture server is shared by the worker's tests: look only at this test's requests.
  const before = openai.requests.length;
  try {
    await page.goto(brook.url);
    await addProvider(page, { preset: 'qianfan-v2', name: 'Qianfan fixture', baseUrl: openai.url, model: 'ernie-4.5-turbo-128k', apiKey: FIXTURE_KEY });
    await useNativeSearch(page);
    await send(page, 'What is the weather in Hefei?');
    const answer = lastAssistant(page);
    await expect(answer).toHaveAttribute('data-status', 'done');
    await expect(answer.getByTestId('message-content')).toHaveText('It is sunny in Hefei today.');
    await expect(answer.getByTestId('source')).toHaveCount(2);
    await expect(answer.getByTestId('source').nth(0)).toContainText('Hefei weather today');
    await expect(answer.getByTestId('source').nth(1).getByRole('link')).toHaveAttribute('href', 'https://forecast.example/anhui');
    await answer.getByTestId('search-summary').click();
    await expect(answer.locator('[data-testid="search-step"][data-kind="search"]')).toContainText('2 results from Baidu');
    await page.screenshot({ path: 'test-results/e2e/native-search-qianfan.png' });
    // The answer asked for search; the title request after it did not.
    const chats = () => openai.requests.slice(before).filter((r) => r.path.endsWith('/chat/completions'));
    // The title request follows the answer.
    await expect.poll(() => chats().length).toBe(2);
    const asks = chats().map((r) => r.body as Record<string, unknown>);
    expect(asks.find((b) => JSON.stringify(b.messages).includes('Write a title'))).not.toHaveProperty('web_search');
    expect(asks.find((b) => !JSON.stringify(b.messages).includes('Write a title'))).toMatchObject({ web_search: { enable: true } });
    await page.reload();
    await page.getByTestId('conversation-item').first().click();
    await expect(lastAssistant(page).getByTestId('source')).toHaveCount(2);
    await expect(lastAssistant(page).getByTestId('search-summary')).toHaveText('Searched with Baidu · 2 sources');
  } finally {
    openai.setScenario(null);
  }
});

test('Spark: Max shows its search step; Lite says it cannot search', async ({ page, brook }) => {
  const creds = { appId: 'e2enative', apiKey: 'spark-e2e-native-key', apiSecret: 'spark-e2e-native-secret' };
  const spark = await startSparkFixture(creds);
  try {
    spark.setScenario({ kind: 'answer', text: 'Sunny, 25 degrees.', tokensPerSecond: 20 });
    await page.goto(brook.url);
    await addProvider(page, { preset: 'spark', name: 'Spark fixture', baseUrl: spark.url, model: 'generalv3.5', ...creds });
    await useNativeSearch(page);
    await send(page, 'Weather in Hefei?');
    let answer = lastAssistant(page);
    await expect(answer).toHaveAttribute('data-status', 'done');
    await expect(answer.getByTestId('search-summary')).toHaveText('Searched with iFlytek Spark');
    await answer.getByTestId('search-summary').click();
    await expect(answer.locator('[data-testid="search-step"]')).toHaveAttribute('data-status', 'done');
    await expect(answer.locator('[data-testid="search-step"]')).toContainText('Searched iFlytek Spark');
    await expect(answer.getByTestId('source')).toHaveCount(0);

    // The same provider on Lite: the conversation's model picker is not needed, the default model changes.
    await openSettingsAt(page, 'providers');
    await page.getByTestId('provider-item').filter({ hasText: 'Spark fixture' }).getByTestId('provider-edit').click();
    await chooseDefaultModel(page, 'lite');
    await page.getByTestId('provider-save').click();
    await expect(page.getByTestId('provider-save')).toHaveCount(0);
    await page.getByTestId('close-settings').click();
    await page.getByTestId('new-chat').click();
    spark.setScenario({ kind: 'answer', text: 'I could not search the web for this.', tokensPerSecond: 20 });
    await send(page, 'Weather in Hefei?');
    answer = lastAssistant(page);
    await expect(answer).toHaveAttribute('data-status', 'done');
    await expect(answer.getByTestId('search-summary')).toHaveText('No web search with this model — answered without it');
    await answer.getByTestId('search-summary').click();
    await expect(answer.locator('[data-testid="search-step"]')).toHaveAttribute('data-status', 'skipped');
    await expect(answer.getByTestId('search-step-reason')).toContainText('Spark Lite has no web search');
    await page.screenshot({ path: 'test-results/e2e/native-search-spark-lite.png' });

    // The same stored step in Chinese, dark.
    await openSettingsAt(page, 'general');
    await page.getByTestId('theme-select').selectOption('dark');
    await page.getByTestId('language-select').selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByTestId('close-settings').click();
    answer = lastAssistant(page);
    await expect(answer.getByTestId('search-summary')).toHaveText('此模型不能联网搜索 —— 未使用搜索作答');
    // Still open from above.
    await expect(answer.getByTestId('search-summary')).toHaveAttribute('aria-expanded', 'true');
    await expect(answer.getByTestId('search-step-reason')).toContainText('星火 Lite 没有联网搜索');
    await page.screenshot({ path: 'test-results/e2e/native-search-spark-lite-zh-dark.png' });
  } finally {
    await spark.close();
  }
});
