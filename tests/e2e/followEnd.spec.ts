import type { Locator } from '@playwright/test';
import { TITLE_REQUEST_PREFIX } from '../fixtures/openaiServer';
import { addFixtureProvider, expect, lastAssistant, send, test } from './support/appFixtures';

/** Pixels between the bottom of the message list's content and the bottom of its view. */
const distanceFromEnd = (list: Locator) => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
const shownLength = (answer: Locator) => answer.getByTestId('message-content').evaluate((el) => el.textContent?.length ?? 0);

test('the list follows a streaming answer, stays where a reader scrolled up, and follows again after Jump to latest', async ({ page, brook, openai }) => {
  await page.setViewportSize({ width: 1280, height: 640 });
  // A thousand short paragraphs at 50 per second: many screens, streamed for about twenty seconds.
  const tokens = Array.from({ length: 1000 }, (_, i) => `Paragraph ${i + 1} of a long answer.\n\n`);
  openai.setResponder((body) =>
    JSON.stringify(body).includes(TITLE_REQUEST_PREFIX) || !JSON.stringify(body).includes('a long answer please')
      ? null
      : { kind: 'answer', tokens, tokensPerSecond: 50 },
  );
  try {
    await page.goto(brook.url);
    await addFixtureProvider(page, openai.url);
    await page.getByTestId('new-chat').click();
    const list = page.locator('.message-list');
    await send(page, 'a long answer please');
    const answer = lastAssistant(page);
    await expect(answer).toHaveAttribute('data-status', 'streaming');

    // Following: once the answer is taller than the view, the end stays in view as it grows.
    await expect.poll(() => list.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(600);
    for (let i = 0; i < 3; i++) {
      const before = await shownLength(answer);
      await expect.poll(() => shownLength(answer)).toBeGreaterThan(before);
      await expect.poll(() => distanceFromEnd(list)).toBeLessThan(48);
    }

    // The reader scrolls up: new text arrives and the view stays where they put it.
    await list.hover();
    await page.mouse.wheel(0, -500);
    await expect(page.locator('.jump-latest')).toBeVisible();
    const readingAt = await list.evaluate((el) => el.scrollTop);
    const lengthThen = await shownLength(answer);
    await expect.poll(() => shownLength(answer)).toBeGreaterThan(lengthThen + 200);
    expect(Math.abs((await list.evaluate((el) => el.scrollTop)) - readingAt)).toBeLessThan(2);
    expect(await distanceFromEnd(list)).toBeGreaterThan(400);

    // Jump to latest: at the end again, and following again until the answer is done.
    await page.locator('.jump-latest').click();
    await expect(page.locator('.jump-latest')).toBeHidden();
    await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(answer.getByTestId('message-content')).toContainText('Paragraph 1000 of a long answer.');
    await expect.poll(() => distanceFromEnd(list)).toBeLessThan(48);

    // A new question at the end: it and its answer are followed.
    await send(page, 'Short one');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
    await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('You said: Short one');
    await expect.poll(() => distanceFromEnd(list)).toBeLessThan(48);
    await expect(lastAssistant(page)).toBeInViewport();
  } finally {
    openai.setResponder(null);
  }
});
