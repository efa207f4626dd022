import type { Page } from '@playwright/test';
import type { FixtureScenario } from '../fixtures/openaiServer';
import { defaultHits, startSearxngFixture, type SearchFixture } from '../fixtures/searchServers';
import { RIVERS_FACT, startWebPagesFixture, type WebPagesFixture } from '../fixtures/webPagesServer';
import { startBrook } from './support/brookProcess';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

const ANSWER = 'The Amazon carries the most water [1]. A brook is a small stream [2].';

/** The query call and the answer call, told apart by what Brook asks; the answer call must carry the excerpts. */
function responder(body: unknown): FixtureScenario | null {
  const text = JSON.stringify(body);
  if (text.includes('You write web search queries')) return { kind: 'answer', text: 'amazon river volume\nbrook definition', tokensPerSecond: 8 };
  if (text.includes('Web search results') && text.includes(RIVERS_FACT)) return { kind: 'answer', text: ANSWER, tokensPerSecond: 30 };
  return null;
}

let pages: WebPagesFixture;
let searxng: SearchFixture;
test.beforeAll(async () => {
  pages = await startWebPagesFixture();
  searxng = await startSearxngFixture(defaultHits(pages.url));
});
test.afterAll(async () => {
  await searxng.close();
  await pages.close();
});

/**
 * Every state each step shows (`id:kind:status`), in the order the page showed them, and
 * `answer` when answer text first appears. Runs in the page, so it is plain JavaScript.
 */
const RECORD_STEPS = `(() => {
  const seen = [];
  window.__steps = seen;
  const note = (el) => {
    const entry = el.getAttribute('data-step') + ':' + el.getAttribute('data-kind') + ':' + el.getAttribute('data-status');
    if (!seen.includes(entry)) seen.push(entry);
  };
  new MutationObserver(() => {
    document.querySelectorAll('[data-testid="search-step"]').forEach(note);
    const answers = document.querySelectorAll('[data-role="assistant"] [data-testid="message-content"]');
    const last = answers[answers.length - 1];
    if (last && last.textContent !== '' && !seen.includes('answer')) seen.push('answer');
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

async function recordSteps(page: Page): Promise<void> {
  await page.evaluate(RECORD_STEPS);
}

async function recordedSteps(page: Page): Promise<string[]> {
  return (await page.evaluate('window.__steps')) as string[];
}

async function expectFinishedView(page: Page): Promise<void> {
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer.getByTestId('search-summary')).toHaveText('Searched 2 queries · read 2 pages');
  await expect(answer.getByTestId('search-step')).toHaveCount(0);
  const sources = answer.getByTestId('source');
  await expect(sources).toHaveCount(2);
  await expect(sources.nth(0)).toContainText('Rivers of the World');
  await expect(sources.nth(0)).toContainText('127.0.0.1');
  await expect(sources.nth(0).getByRole('link')).toHaveAttribute('href', `${pages.url}/rivers`);
  const citations = answer.getByTestId('citation');
  await expect(citations).toHaveCount(2);
  await expect(citations.nth(0)).toHaveAttribute('href', `${pages.url}/rivers`);
  await expect(citations.nth(1)).toHaveAttribute('href', `${pages.url}/brooks`);
  await expect(citations.nth(0)).toHaveAttribute('target', '_blank');
  // The steps open again from the summary, each with its outcome.
  await answer.getByTestId('search-summary').click();
  await expect(answer.getByTestId('search-step')).toHaveCount(8);
  await expect(answer.locator('[data-testid="search-step"][data-status="skipped"]')).toHaveCount(2);
  await expect(answer.locator('[data-testid="search-step"][data-status="skipped"]').first()).toContainText('A Slow Page');
  await expect(answer.getByTestId('search-step-reason').first()).toContainText('did not load within 8 s');
  await answer.getByTestId('search-summary').click();
}

test('search on: steps arrive in order, the answer cites real sources, and the view survives reload and restart', async ({ page, brook, openai }) => {
  test.setTimeout(90_000);
  openai.setResponder(responder);
  try {
    await page.goto(brook.url);
    await addFixtureProvider(page, openai.url);
    await openSettingsAt(page, 'webSearch');
    await page.getByTestId('web-search-backend').selectOption('searxng');
    await page.getByTestId('searxng-url').fill(searxng.url);
    await page.getByTestId('searxng-url').press('Enter');
    // The fixture's pages are on 127.0.0.1, which Brook reads only when allowed.
    await page.getByTestId('web-search-private-pages').check();
    await page.getByTestId('close-settings').click();

    await page.getByTestId('new-chat').click();
    const toggle = page.getByTestId('web-search-toggle');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await recordSteps(page);
    await send(page, 'Which river carries the most water?');
    const answer = lastAssistant(page);
    // Live: the timeline is open, the current step spins.
    await expect(answer.locator('[data-testid="search-step"][data-status="running"] .spinner').first()).toBeVisible();
    await expect(answer.locator('[data-testid="search-step"][data-kind="read"][data-status="running"]').first()).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: 'test-results/e2e/web-search-live.png' });
    await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(answer.getByTestId('message-content')).toContainText('The Amazon carries the most water');
    await expect(answer.getByTestId('message-content')).toContainText('A brook is a small stream');

    // Each step's states in the order they appeared; a fast step may go from nothing to done within one frame.
    const trail = await recordedSteps(page);
    const firstOfKind = (kind: string) => trail.findIndex((e) => e.split(':')[1] === kind || e === kind);
    expect(firstOfKind('queries')).toBe(0);
    expect(trail[0]).toBe('queries:queries:running');
    expect(firstOfKind('queries')).toBeLessThan(firstOfKind('search'));
    expect(firstOfKind('search')).toBeLessThan(firstOfKind('read'));
    expect(firstOfKind('read')).toBeLessThan(firstOfKind('compose'));
    expect(firstOfKind('compose')).toBeLessThan(trail.indexOf('answer'));
    const slow = trail.filter((e) => e.startsWith('read-3:'));
    expect(slow).toEqual(['read-3:read:running', 'read-3:read:skipped']);
    for (const id of new Set(trail.map((e) => e.split(':')[0]))) {
      const states = trail.filter((e) => e.startsWith(`${id}:`)).map((e) => e.split(':')[2]);
      expect(states.indexOf('running')).toBeLessThanOrEqual(0);
    }

    await expectFinishedView(page);
    // Hovering a citation shows the excerpt the model was given.
    await answer.getByTestId('citation').first().hover();
    await expect(answer.getByTestId('citation-card').first()).toBeVisible();
    await expect(answer.getByTestId('citation-card').first()).toContainText(RIVERS_FACT);
    await page.screenshot({ path: 'test-results/e2e/web-search-done.png' });
    // A citation opens its source (a new tab in browser mode, the system browser in the desktop app).
    const [opened] = await Promise.all([page.context().waitForEvent('page'), answer.getByTestId('citation').first().click()]);
    await expect.poll(() => opened.url()).toBe(`${pages.url}/rivers`);
    await opened.close();

    await page.reload();
    await page.getByTestId('conversation-item').first().click();
    await expectFinishedView(page);
    await expect(page.getByTestId('web-search-toggle')).toHaveAttribute('aria-pressed', 'true');

    await brook.stop();
    const again = await startBrook(brook.dataDir);
    try {
      await page.goto(again.url);
      await page.getByTestId('conversation-item').first().click();
      await expectFinishedView(page);
    } finally {
      await again.stop();
    }
  } finally {
    openai.setResponder(null);
  }
});

test('a misconfigured engine shows the failed step with its reason, and the answer goes ahead', async ({ page, brook, openai }) => {
  searxng.setFault('json-disabled');
  openai.setResponder((body) =>
    JSON.stringify(body).includes('You write web search queries')
      ? { kind: 'answer', text: 'rivers' }
      : JSON.stringify(body).includes('web search was attempted')
        ? { kind: 'answer', text: 'Web search was unavailable; from memory, the Amazon.' }
        : null,
  );
  try {
    await page.goto(brook.url);
    await addFixtureProvider(page, openai.url);
    await openSettingsAt(page, 'webSearch');
    await page.getByTestId('searxng-url').fill(searxng.url);
    await page.getByTestId('searxng-url').press('Enter');
    await page.getByTestId('web-search-default').check();
    await page.getByTestId('close-settings').click();
    await page.getByTestId('new-chat').click();
    await expect(page.getByTestId('web-search-toggle')).toHaveAttribute('aria-pressed', 'true');
    await send(page, 'Which river is largest?');
    const answer = lastAssistant(page);
    await expect(answer).toHaveAttribute('data-status', 'done');
    await expect(answer.getByTestId('message-content')).toContainText('Web search was unavailable');
    await expect(answer.getByTestId('search-summary')).toHaveText('Web search failed — answered without it');
    await answer.getByTestId('search-summary').click();
    await expect(answer.locator('[data-testid="search-step"][data-kind="search"]')).toHaveAttribute('data-status', 'failed');
    await expect(answer.getByTestId('search-step-reason')).toContainText('search.formats');
    await expect(answer.getByTestId('sources')).toHaveCount(0);
  } finally {
    searxng.setFault(null);
    openai.setResponder(null);
  }
});

test('search keys are saved in the core and the page only learns that one is set', async ({ page, brook }) => {
  const key = 'tvly-e2e-secret-key-0001';
  const seen: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => seen.push(String(f.payload))));
  await page.goto(brook.url);
  await openSettingsAt(page, 'webSearch');
  await page.getByTestId('web-search-backend').selectOption('tavily');
  await expect(page.getByTestId('search-key-status')).toHaveText('No key saved yet.');
  await page.getByTestId('search-key').fill(key);
  await page.getByTestId('search-key-save').click();
  await expect(page.getByTestId('search-key-status')).toHaveText('A key is saved. Type a new one to replace it.');
  await expect(page.getByTestId('search-key')).toHaveValue('');

  await page.reload();
  await openSettingsAt(page, 'webSearch');
  await expect(page.getByTestId('web-search-backend')).toHaveValue('tavily');
  await expect(page.getByTestId('search-key-status')).toHaveText('A key is saved. Type a new one to replace it.');
  await page.getByTestId('search-key-remove').click();
  await expect(page.getByTestId('search-key-status')).toHaveText('No key saved yet.');
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.some((frame) => frame.includes(key))).toBe(false);
});

test('Stop during the search cancels the page still loading and keeps the steps so far', async ({ page, brook, openai }) => {
  openai.setResponder(responder);
  try {
    await page.goto(brook.url);
    await addFixtureProvider(page, openai.url);
    await openSettingsAt(page, 'webSearch');
    await page.getByTestId('searxng-url').fill(searxng.url);
    await page.getByTestId('searxng-url').press('Enter');
    await page.getByTestId('web-search-private-pages').check();
    await page.getByTestId('close-settings').click();
    await page.getByTestId('new-chat').click();
    // The engine's address is saved once the settings say so; a click before that only offers to set one up.
    await expect(page.getByTestId('web-search-toggle')).toHaveAttribute('data-ready', 'true');
    await page.getByTestId('web-search-toggle').click();
    await expect(page.getByTestId('web-search-toggle')).toHaveAttribute('aria-pressed', 'true');
    const slowBefore = pages.requests.filter((r) => r.path === '/slow').length;
    await send(page, 'Which river carries the most water?');
    const answer = lastAssistant(page);
    const slowStep = answer.locator('[data-testid="search-step"][data-kind="read"]', { hasText: 'A Slow Page' });
    const doneReads = answer.locator('[data-testid="search-step"][data-kind="read"][data-status="done"]');
    // Stop once the fast pages are read and only the slow one is still loading.
    await expect(doneReads).toHaveCount(2);
    await expect(slowStep).toHaveAttribute('data-status', 'running');
    await page.getByTestId('stop').click();
    await expect(answer).toHaveAttribute('data-status', 'stopped');
    await answer.getByTestId('search-summary').click();
    await expect(slowStep).toHaveAttribute('data-status', 'stopped');
    await expect(doneReads).toHaveCount(2);
    await expect.poll(() => pages.requests.filter((r) => r.path === '/slow').slice(slowBefore).every((r) => r.closedEarly)).toBe(true);
    expect(pages.requests.filter((r) => r.path === '/slow').length).toBeGreaterThan(slowBefore);
  } finally {
    openai.setResponder(null);
  }
});
