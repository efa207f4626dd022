import { startBrook } from './support/brookProcess';
import { addFixtureProvider, expect, lastAssistant, send, test } from './support/appFixtures';

test('killing the app mid-stream keeps the partial answer, marked interrupted', async ({ page, openai }) => {
  const first = await startBrook();
  await page.goto(first.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, '/slow a long story');
  const content = lastAssistant(page).getByTestId('message-content');
  await expect(content).toContainText('The brook keeps flowing');
  // Give the once-a-second checkpoint time to run, then pull the plug.
  await page.waitForTimeout(1500);
  const seen = await content.innerText();
  await first.crash();

  const second = await startBrook(first.dataDir);
  try {
    expect(second.output()).toContain('interrupted');
    await page.goto(second.url);
    await page.getByTestId('conversation-item').first().click();
    const answer = lastAssistant(page);
    await expect(answer).toHaveAttribute('data-status', 'interrupted');
    const kept = await answer.getByTestId('message-content').innerText();
    // At most the last second of text may be lost.
    expect(kept.length).toBeGreaterThan(0);
    expect(seen.startsWith(kept) || kept.startsWith(seen)).toBe(true);
    await page.screenshot({ path: 'test-results/e2e/interrupted.png' });
    // The kept text is searchable: the row joined the index when it was marked interrupted.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('The brook keeps flowing');
    await expect(page.getByTestId('search-hit').first()).toHaveAttribute('data-message-id', (await answer.getAttribute('data-id'))!);
  } finally {
    await second.stop();
  }
});
