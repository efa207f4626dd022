import { WsContractClient } from '../support/wsContractClient';
import { startBrook } from './support/brookProcess';
import { addFixtureProvider, expect, lastAssistant, send, test } from './support/appFixtures';

/** The answers are checkpointed at least once a second: a crash may lose no more. */
const MAX_LOST_MS = 1000;

test('killing the app mid-stream keeps the answer as sent up to its last checkpoint, marked interrupted', async ({ page, openai }) => {
  const first = await startBrook();
  await page.goto(first.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  openai.clearRequests();
  await send(page, '/slow a long story');
  await expect(lastAssistant(page).getByTestId('message-content')).toContainText('The brook keeps flowing');
  // Let the answer run for a few checkpoints (at 20 tokens a second), then pull the plug.
  const request = () => openai.requests.find((r) => (r.sent?.length ?? 0) > 0);
  await expect.poll(() => request()?.sent?.length ?? 0, { timeout: 15_000 }).toBeGreaterThan(50);
  const crashedAt = Date.now();
  await first.crash();
  const sent = request()!.sent!;
  const sentText = sent.map((p) => p.text).join('');
  // Everything the fixture had written a full second before the crash must have been saved.
  const mustKeep = sent.filter((p) => p.at <= crashedAt - MAX_LOST_MS).map((p) => p.text).join('');

  const second = await startBrook(first.dataDir);
  try {
    // Said once the core has loaded, which is after the page is served (the URL comes first).
    await expect.poll(() => second.output(), { timeout: 15_000 }).toContain('interrupted');
    const url = new URL(second.url);
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
    const [conversation] = await api.request('conversations.list', {});
    const saved = (await api.request('conversations.messages', { id: conversation!.id })).at(-1)!;
    api.close();
    expect(saved.status).toBe('interrupted');
    // The kept text is exactly what the fixture sent, cut at a checkpoint: nothing garbled, nothing invented…
    expect(sentText.startsWith(saved.content)).toBe(true);
    // …and at most the last second of it is missing.
    expect(saved.content.length).toBeGreaterThanOrEqual(mustKeep.length);
    expect(mustKeep.length).toBeGreaterThan(0);

    await page.goto(second.url);
    await page.getByTestId('conversation-item').first().click();
    const answer = lastAssistant(page);
    await expect(answer).toHaveAttribute('data-status', 'interrupted');
    await expect(answer.getByTestId('message-content')).toContainText(saved.content.trim().slice(-40));
    await page.screenshot({ path: 'test-results/e2e/interrupted.png' });
    // The kept text is searchable: the row joined the index when it was marked interrupted.
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('The brook keeps flowing');
    await expect(page.getByTestId('search-hit').first()).toHaveAttribute('data-message-id', saved.id);
  } finally {
    await second.stop();
  }
});
