/**
 * Cold start (issue #13): after a clean quit the main window draws its list from the copy
 * browser mode kept, before its socket reaches the core. Here the socket is held by the test and
 * never reaches the core at all, so whatever the page draws came through /first-screen: the copy,
 * or, with none to give (after a crash), the core's own first screen once it has loaded.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { WsContractClient } from '../support/wsContractClient';
import { expect, test } from './support/appFixtures';
import { startBrook, type BrookProcess } from './support/brookProcess';

async function api(brook: BrookProcess): Promise<WsContractClient> {
  const url = new URL(brook.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  return WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
}

/** The page's socket opens (as far as the page can tell) but nothing ever answers it. */
async function holdSocket(page: Page): Promise<void> {
  await page.routeWebSocket(/\/ws/, () => {});
}

test('after a clean quit the list is drawn from the kept copy before the core answers', async ({ page }) => {
  const first = await startBrook();
  const client = await api(first);
  for (const title of ['Rivers of Europe', '长江和黄河']) {
    const c = await client.request('conversations.create', {});
    await client.request('conversations.rename', { id: c.id, title });
  }
  await client.request('settings.update', { theme: 'dark' });
  client.close();
  await first.stop();
  expect(existsSync(join(first.dataDir, 'first-screen.json'))).toBe(true);

  const second = await startBrook(first.dataDir);
  try {
    await holdSocket(page);
    await page.goto(second.url);
    await expect(page.getByTestId('conversation-title')).toHaveText(['长江和黄河', 'Rivers of Europe']);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: 'test-results/e2e/first-screen-copy.png' });
    // Used once: the next start waits for the core, as after a crash.
    expect(existsSync(join(first.dataDir, 'first-screen.json'))).toBe(false);
  } finally {
    await second.stop();
  }
});

test('without a copy (after a crash) the first screen is the core’s own, once it has loaded', async ({ page }) => {
  const first = await startBrook();
  const client = await api(first);
  const c = await client.request('conversations.create', {});
  await client.request('conversations.rename', { id: c.id, title: 'Not kept' });
  client.close();
  await first.crash();
  expect(existsSync(join(first.dataDir, 'first-screen.json'))).toBe(false);

  const second = await startBrook(first.dataDir);
  try {
    await holdSocket(page);
    await page.goto(second.url);
    // The socket never reaches the core, so this list came through /first-screen, which had no
    // copy to give and waited for the core: what the crash left in the history, not a stale copy.
    await expect(page.getByTestId('conversation-title')).toHaveText(['Not kept']);
    expect(await page.evaluate(`performance.getEntriesByName(new URL('/first-screen', location.href).href).length`)).toBe(1);
  } finally {
    await second.stop();
  }
});
