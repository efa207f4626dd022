import OpenAI from 'openai';
import WebSocket from 'ws';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

interface Frame {
  type: string;
  status?: boolean;
  msg?: string;
  user?: string;
  conversation_id?: string;
}

test('enable the live feed, copy its URL, and watch a chat arrive frame by frame', async ({ page, context, brook, openai }) => {
  await page.goto(brook.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(brook.url).origin });
  await addFixtureProvider(page, openai.url);

  await openSettingsAt(page, 'local');
  const section = page.getByTestId('local-settings');
  await section.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('local-feed-url')).toHaveCount(0);
  await page.getByTestId('local-feed-toggle').check();
  const urlField = page.getByTestId('local-feed-url');
  await expect(urlField).toHaveValue(/^ws:\/\/127\.0\.0\.1:\d+\/feed\?token=/);
  await page.getByTestId('local-feed-url-copy').click();
  await expect(page.getByTestId('local-feed-url-copy')).toHaveText('Copied');
  const feedUrl = await page.evaluate(() =>
    (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
  );
  expect(feedUrl).toBe(await urlField.inputValue());
  await section.screenshot({ path: 'test-results/e2e/local-settings-feed.png' });
  await page.getByTestId('close-settings').click();

  const ws = new WebSocket(feedUrl);
  const frames: Frame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });

  await page.getByTestId('new-chat').click();
  const question = 'Hello feed 你好，溪流 🌊';
  await send(page, question);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  const shown = await lastAssistant(page).getByTestId('message-content').innerText();
  await expect.poll(() => frames.some((f) => f.type === 'text' && f.status === true && f.user === 'assistant')).toBe(true);

  const conversationId = frames[0]?.conversation_id;
  expect(frames[0]).toEqual({ type: 'text', status: true, msg: question, user: 'user', conversation_id: conversationId });
  const pieces = frames.filter((f) => f.type === 'text' && f.status === false);
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.map((f) => f.msg).join('')).toBe(shown);
  expect(frames.at(-1)).toEqual({ type: 'text', status: true, msg: shown, user: 'assistant', conversation_id: conversationId });
  expect(frames.every((f) => f.conversation_id === conversationId)).toBe(true);

  // A failed turn arrives as a translated error, the same sentence the page shows.
  await page.getByTestId('new-chat').click();
  await send(page, '/error again');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'error');
  const errorShown = await lastAssistant(page).getByTestId('message-error').innerText();
  await expect.poll(() => frames.find((f) => f.type === 'error')?.msg).toBeTruthy();
  expect(errorShown).toContain(frames.find((f) => f.type === 'error')!.msg!);

  // A new token: the old URL stops working.
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await openSettingsAt(page, 'local');
  await page.getByTestId('local-feed-renew').click();
  expect(await closed).toBe(1008);
  await expect(urlField).not.toHaveValue(feedUrl);
});

test('enable the local API and chat through it with the openai client', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await openSettingsAt(page, 'local');
  await page.getByTestId('local-settings').scrollIntoViewIfNeeded();
  await page.getByTestId('local-api-toggle').check();
  await page.getByTestId('local-api-save-toggle').check();
  const baseURL = await page.getByTestId('local-api-url').inputValue();
  const apiKey = await page.getByTestId('local-api-key').inputValue();
  expect(apiKey).toMatch(/^brook-/);
  await page.getByTestId('local-settings').screenshot({ path: 'test-results/e2e/local-settings-api.png' });
  await page.getByTestId('close-settings').click();

  const client = new OpenAI({ baseURL, apiKey, maxRetries: 0 });
  const stream = await client.chat.completions.create({ model: 'Fixture/fixture-chat', messages: [{ role: 'user', content: 'via the API' }], stream: true });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  expect(text).toBe('You said: via the API');
  await expect(client.models.list()).resolves.toBeTruthy();
  await expect(new OpenAI({ baseURL, apiKey: 'brook-wrong', maxRetries: 0 }).models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);

  // Saved to the history, marked API, and shown in the sidebar.
  const item = page.getByTestId('conversation-item').filter({ hasText: 'via the API' });
  await expect(item).toHaveAttribute('data-origin', 'api');
  await expect(item.getByTestId('api-marker')).toBeVisible();
});
