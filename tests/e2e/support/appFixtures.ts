import { test as base, expect, type Page } from '@playwright/test';
import { startOpenAIFixture, type OpenAIFixture } from '../../fixtures/openaiServer';
import { startBrook, type BrookProcess } from './brookProcess';
import { chooseDefaultModel, openSettingsAt } from './settingsNav';

export const FIXTURE_KEY = 'sk-e2e-fixture-key';

export const test = base.extend<{ brook: BrookProcess; freshOpenai: void }, { openai: OpenAIFixture }>({
  openai: [
    async ({}, use) => {
      const fixture = await startOpenAIFixture({ apiKey: FIXTURE_KEY });
      await use(fixture);
      await fixture.close();
    },
    { scope: 'worker' },
  ],
  // The OpenAI fixture lives for the whole worker: whatever a test scripted on it ends with the test.
  freshOpenai: [
    async ({ openai }, use) => {
      await use();
      openai.setScenario(null);
      openai.setResponder(null);
    },
    { auto: true },
  ],
  brook: async ({}, use, testInfo) => {
    const brook = await startBrook();
    await use(brook);
    await brook.stop();
    // What the server said (a crash, a refused socket) is what a failed run most needs to show.
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('brook-output', { body: brook.output(), contentType: 'text/plain' });
      console.error(`--- brook output (${testInfo.title}) ---\n${brook.output().slice(-4000)}`);
    }
  },
});
export { expect };
export { chooseDefaultModel, openSettingsAt } from './settingsNav';

/** Adds the fixture server as a custom OpenAI-compatible provider through the settings screen. */
export async function addFixtureProvider(page: Page, baseUrl: string, apiKey = FIXTURE_KEY, expectTest: RegExp | string = '3'): Promise<void> {
  await openSettingsAt(page, 'providers');
  await page.getByTestId('provider-add').click();
  await page.getByTestId('provider-preset').selectOption('custom');
  await page.getByTestId('provider-name').fill('Fixture');
  await page.getByTestId('provider-baseurl').fill(baseUrl);
  await page.getByTestId('provider-apikey').fill(apiKey);
  await page.getByTestId('provider-test').click();
  await expect(page.getByTestId('provider-test-result')).toContainText(expectTest);
  // The reasoning model is ticked too, so pickers offer a second model.
  await chooseDefaultModel(page, 'fixture-reasoner');
  await chooseDefaultModel(page, 'fixture-chat');
  await page.getByTestId('provider-save').click();
  await expect(page.getByTestId('provider-item')).toHaveCount(1);
  await page.getByTestId('close-settings').click();
}

/**
 * Types and sends, then waits until the composer has let go of the text (the core accepted it
 * and the new messages are in the list) or says why it could not. Without the wait, a check of
 * the last answer right after a second question can pass on the previous, finished answer.
 */
export async function send(page: Page, text: string): Promise<void> {
  const input = page.getByTestId('composer-input');
  await input.fill(text);
  await input.press('Enter');
  await expect
    .poll(async () => (await input.inputValue()) !== text || (await page.locator('.composer__error').count()) > 0, {
      message: 'the composer took the text or showed an error',
    })
    .toBe(true);
}

export function lastAssistant(page: Page) {
  return page.locator('[data-testid="message"][data-role="assistant"]').last();
}
