import type { Page } from '@playwright/test';
import { startAnthropicFixture } from '../fixtures/anthropicServer';
import { startGeminiFixture } from '../fixtures/geminiServer';
import { startQianfanFixture } from '../fixtures/qianfanServer';
import { startSparkFixture } from '../fixtures/sparkServer';
import { addFixtureProvider, expect, lastAssistant, send, test } from './support/appFixtures';
import { addProvider, replaceKey, type ProviderSetup } from './support/providerSetup';
import { lastAnswerRequest } from './support/answerRequests';

/**
 * Each protocol family, through the real app in browser mode against its own fixture server:
 * a Chinese and an English answer stream, and a wrong key shows the translated auth error.
 */
interface Family {
  kind: string;
  start(): Promise<{
    setup: ProviderSetup;
    /** Makes the next answer this text, streamed slowly enough to watch. */
    answerWith(text: string): void;
    close(): Promise<void>;
  }>;
}

const CHINESE_ANSWER = '小溪日夜不停地流淌，绕过石头，最后汇入大河。';
const CHINESE_QUESTION = '请用一句话介绍一下小溪。';
const ENGLISH_QUESTION = 'Tell me about brooks in one line';

const FAMILIES: Family[] = [
  {
    kind: 'anthropic',
    async start() {
      const f = await startAnthropicFixture({ apiKey: 'sk-ant-e2e' });
      return {
        setup: { preset: 'anthropic', name: 'Claude fixture', baseUrl: f.url, model: 'claude-fixture-4', apiKey: 'sk-ant-e2e' },
        answerWith: (text) => f.setScenario({ kind: 'answer', text, tokensPerSecond: 5 }),
        close: () => f.close(),
      };
    },
  },
  {
    kind: 'gemini',
    async start() {
      const f = await startGeminiFixture({ apiKey: 'gm-e2e-key' });
      return {
        setup: { preset: 'gemini', name: 'Gemini fixture', baseUrl: f.url, model: 'gemini-fixture-flash', apiKey: 'gm-e2e-key' },
        answerWith: (text) => f.setScenario({ kind: 'answer', text, tokensPerSecond: 5 }),
        close: () => f.close(),
      };
    },
  },
  {
    kind: 'spark',
    async start() {
      const creds = { appId: 'e2eapp01', apiKey: 'spark-e2e-key', apiSecret: 'spark-e2e-secret' };
      const f = await startSparkFixture(creds);
      return {
        setup: { preset: 'spark', name: 'Spark fixture', baseUrl: f.url, model: 'lite', ...creds },
        answerWith: (text) => f.setScenario({ kind: 'answer', text, tokensPerSecond: 5 }),
        close: () => f.close(),
      };
    },
  },
  {
    kind: 'qianfan',
    async start() {
      const f = await startQianfanFixture({ apiKey: 'qf-e2e-ak', secretKey: 'qf-e2e-sk' });
      return {
        setup: { preset: 'qianfan', name: 'ERNIE fixture', baseUrl: f.url, model: 'ernie-speed-128k', apiKey: 'qf-e2e-ak', apiSecret: 'qf-e2e-sk' },
        answerWith: (text) => f.setScenario({ kind: 'answer', text, tokensPerSecond: 5 }),
        close: () => f.close(),
      };
    },
  },
];

/**
 * Records, in the page, every length the newest answer's text has had (timing-proof on a busy
 * machine). A string, because this file is compiled without the DOM library.
 */
async function watchAnswerLengths(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__observer?.disconnect();
    window.__lengths = [];
    window.__observer = new MutationObserver(() => {
      const all = document.querySelectorAll('[data-testid="message"][data-role="assistant"] [data-testid="message-content"]');
      window.__lengths.push(all[all.length - 1]?.textContent?.length ?? 0);
    });
    window.__observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

async function expectStreamedThenEnded(page: Page, expected: string): Promise<void> {
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer.getByTestId('message-content')).toHaveText(expected);
  // The text grew in front of the user rather than arriving whole.
  const lengths = await page.evaluate<number[]>('window.__lengths');
  expect(lengths.some((n) => n > 0 && n < expected.length)).toBe(true);
}

for (const family of FAMILIES) {
  test(`${family.kind}: Chinese and English answers stream, a wrong key shows the auth error`, async ({ page, brook }) => {
    const fixture = await family.start();
    try {
      await page.goto(brook.url);
      await addProvider(page, fixture.setup);
      await page.getByTestId('new-chat').click();

      fixture.answerWith(CHINESE_ANSWER);
      await watchAnswerLengths(page);
      await send(page, CHINESE_QUESTION);
      await expectStreamedThenEnded(page, CHINESE_ANSWER);

      const english = 'A brook is a small stream that keeps flowing over stones towards the river.';
      fixture.answerWith(english);
      await watchAnswerLengths(page);
      await send(page, ENGLISH_QUESTION);
      await expectStreamedThenEnded(page, english);
      // The provider's own token counts are kept with the answer and shown on hover.
      await expect(lastAssistant(page).locator('.message-meta__usage')).toHaveAttribute('aria-label', /Prompt \d+ · Completion \d+ · Total \d+ tokens/);
      await page.screenshot({ path: `test-results/e2e/kind-${family.kind}.png` });

      await replaceKey(page, fixture.setup.name, 'wrong-key-e2e');
      await send(page, 'Does a wrong key fail clearly?');
      const failed = lastAssistant(page);
      await expect(failed).toHaveAttribute('data-status', 'error');
      await expect(failed.getByTestId('message-error')).toContainText('The provider rejected the API key');
      // The user's question is kept above the error.
      await expect(page.locator('[data-testid="message"][data-role="user"]').last()).toContainText('Does a wrong key fail clearly?');
    } finally {
      await fixture.close();
    }
  });
}

test('a reasoning answer shows a collapsible Thinking block with its duration, kept after reload', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, '/reason why do brooks babble?');
  const answer = lastAssistant(page);
  const thinking = answer.getByTestId('thinking');
  await expect(thinking).toBeVisible();
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(thinking.locator('summary')).toContainText(/Thought for \d+ s/);
  // Collapsed: the reasoning is not part of the answer text.
  await expect(thinking.locator('.thinking__body')).toHaveCount(0);
  const answerText = await answer.getByTestId('message-content').innerText();
  await thinking.locator('summary').click();
  await expect(thinking.locator('.thinking__body')).not.toHaveText('');
  expect(answerText).not.toContain(await thinking.locator('.thinking__body').innerText());
  await page.screenshot({ path: 'test-results/e2e/thinking.png' });

  await page.reload();
  await page.getByTestId('conversation-item').first().click();
  await expect(lastAssistant(page).getByTestId('thinking').locator('summary')).toContainText(/Thought for \d+ s/);
});

test('conversation parameters are checked against the provider\'s ranges, then sent', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, 'first question');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');

  await page.getByTestId('params-open').click();
  const dialog = page.getByTestId('params-dialog');
  await expect(dialog.getByTestId('params-topK')).toHaveCount(0); // not an OpenAI parameter
  await dialog.getByTestId('params-system-prompt').fill('Answer like a poet.');
  await dialog.getByTestId('params-temperature').fill('3');
  await dialog.getByTestId('params-save').click();
  await expect(dialog.getByTestId('params-temperature')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Enter a number in 0–2');
  await page.screenshot({ path: 'test-results/e2e/params-invalid.png' });
  await dialog.getByTestId('params-temperature').fill('0.4');
  await dialog.getByTestId('params-maxOutputTokens').fill('64');
  await dialog.getByTestId('params-save').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('params-open')).toHaveClass(/is-custom/);

  await send(page, 'second question');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  const body = lastAnswerRequest(openai.requests)?.body as { messages: { role: string; content: string }[]; temperature: number; max_tokens: number };
  expect(body.messages[0]).toEqual({ role: 'system', content: 'Answer like a poet.' });
  expect(body.temperature).toBe(0.4);
  expect(body.max_tokens).toBe(64);
});
