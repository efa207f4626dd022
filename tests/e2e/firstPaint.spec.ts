/**
 * Browser mode's first paint (issue #13, cold start): a small script draws the sidebar from the
 * copy a clean quit kept (or, once the core has loaded, from the core's own first screen),
 * before the app's own scripts have run. Here the app's entry script is
 * held back by the test, so whatever shows can only be the first paint; then it is let go, and
 * the app must draw the same rows in the same places and carry out a click made meanwhile.
 */
import type { Page, Route } from '@playwright/test';
import { WsContractClient } from '../support/wsContractClient';
import { expect, test } from './support/appFixtures';
import { startBrook, type BrookProcess } from './support/brookProcess';

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

async function api(brook: BrookProcess): Promise<WsContractClient> {
  const url = new URL(brook.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  return WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
}

/** A history quit cleanly (so it keeps its copy), then started again. */
async function restartedWith(titles: string[], settings: Record<string, unknown> = {}): Promise<BrookProcess> {
  const first = await startBrook();
  const client = await api(first);
  for (const title of titles) {
    const c = await client.request('conversations.create', {});
    await client.request('conversations.rename', { id: c.id, title });
  }
  if (Object.keys(settings).length > 0) await client.request('settings.update', settings);
  client.close();
  await first.stop();
  return startBrook(first.dataDir);
}

/** Holds the app's entry script (index-*.js) until the returned function is called. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route: Route) => {
    await gate;
    await route.continue();
  });
  return release;
}

async function titleBoxes(page: Page, testId: string) {
  return page.getByTestId(testId).evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { text: n.textContent, x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width) };
    }),
  );
}

test('the list is on screen before the app runs, and the app draws the same rows in the same places', async ({ page }) => {
  const brook = await restartedWith(['Rivers of Europe', HOSTILE, '长江和黄河']);
  try {
    const release = await holdApp(page);
    await page.goto(brook.url, { waitUntil: 'commit' });
    await expect(page.getByTestId('first-paint-title')).toHaveText(['长江和黄河', HOSTILE, 'Rivers of Europe']);
    // A title is text, never markup.
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.getByTestId('conversation-item')).toHaveCount(0);
    const before = await titleBoxes(page, 'first-paint-title');
    await page.screenshot({ path: 'test-results/e2e/first-paint.png' });

    release();
    await expect(page.getByTestId('conversation-title')).toHaveText(['长江和黄河', HOSTILE, 'Rivers of Europe']);
    await expect(page.getByTestId('first-paint-sidebar')).toHaveCount(0);
    const after = await titleBoxes(page, 'conversation-title');
    // The virtual list rounds the heights it measures: a pixel, no more, may separate the two.
    expect(after.map(({ text, x, w }) => ({ text, x, w }))).toEqual(before.map(({ text, x, w }) => ({ text, x, w })));
    after.forEach((box, i) => expect(Math.abs(box.y - before[i]!.y)).toBeLessThanOrEqual(1));
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
  } finally {
    await brook.stop();
  }
});

test('a row clicked before the app runs is opened once it does', async ({ page }) => {
  const brook = await restartedWith(['First', 'Second', 'Third']);
  try {
    const release = await holdApp(page);
    await page.goto(brook.url, { waitUntil: 'commit' });
    await page.getByTestId('first-paint-title').filter({ hasText: 'Second' }).click();
    release();
    await expect(page.locator('[data-testid="conversation-item"][data-active="true"]')).toContainText('Second');
  } finally {
    await brook.stop();
  }
});

test('in Chinese and dark, the first paint follows the settings', async ({ page }) => {
  const brook = await restartedWith(['长江和黄河'], { language: 'zh-CN', theme: 'dark' });
  try {
    const release = await holdApp(page);
    await page.goto(brook.url, { waitUntil: 'commit' });
    await expect(page.getByTestId('first-paint-title')).toHaveText(['长江和黄河']);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('first-paint-sidebar')).toContainText('新对话');
    await page.screenshot({ path: 'test-results/e2e/first-paint-zh-dark.png' });
    release();
    await expect(page.getByTestId('conversation-title')).toHaveText(['长江和黄河']);
    await expect(page.getByTestId('new-chat')).toHaveText('新对话');
  } finally {
    await brook.stop();
  }
});

test('a narrow window starts with the list folded away, in the first paint as in the app', async ({ page }) => {
  const brook = await restartedWith(['Rivers of Europe']);
  try {
    await page.setViewportSize({ width: 420, height: 800 });
    const release = await holdApp(page);
    await page.goto(brook.url, { waitUntil: 'commit' });
    await expect(page.getByTestId('first-paint-sidebar')).toBeHidden();
    await expect(page.locator('[data-first-paint] .pane__loading')).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/first-paint-420.png' });
    release();
    await expect(page.getByTestId('sidebar')).toBeHidden();
  } finally {
    await brook.stop();
  }
});

test('a page opened after the core has loaded, with no copy at all, still paints the list before the app runs', async ({ page }) => {
  // A fresh folder keeps no copy; by the time the conversations are written the core has loaded.
  const brook = await startBrook();
  try {
    const client = await api(brook);
    const c = await client.request('conversations.create', {});
    await client.request('conversations.rename', { id: c.id, title: 'Written just now' });
    client.close();
    const release = await holdApp(page);
    await page.goto(brook.url, { waitUntil: 'commit' });
    await expect(page.getByTestId('first-paint-title')).toHaveText(['Written just now']);
    await page.screenshot({ path: 'test-results/e2e/first-paint-live.png' });
    release();
    await expect(page.getByTestId('conversation-title')).toHaveText(['Written just now']);
    await expect(page.getByTestId('first-paint-sidebar')).toHaveCount(0);
  } finally {
    await brook.stop();
  }
});
