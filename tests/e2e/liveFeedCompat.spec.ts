import { huggingChatStyleSubscriber } from '../fixtures/huggingChatStyleSubscriber';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

test('live feed: the assistant name set in Settings reaches a HuggingChat-style subscriber', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await openSettingsAt(page, 'local');
  await page.getByTestId('local-feed-toggle').check();
  const name = page.getByTestId('local-feed-assistant-name');
  await expect(name).toHaveValue('assistant');
  await name.fill('Open-Assistant');
  await name.press('Enter');
  const feedUrl = await page.getByTestId('local-feed-url').inputValue();
  await page.getByTestId('close-settings').click();

  const { result } = await huggingChatStyleSubscriber(feedUrl);
  await page.getByTestId('new-chat').click();
  await send(page, 'hello feed');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  expect((await result).answer).toBe('You said: hello feed');

  await page.reload();
  await openSettingsAt(page, 'local');
  await expect(page.getByTestId('local-feed-assistant-name')).toHaveValue('Open-Assistant');
});
