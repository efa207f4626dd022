import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { WsContractClient } from '../support/wsContractClient';
import { startBrook } from './support/brookProcess';
import { openSettingsAt } from './support/settingsNav';

test('browser mode has no updater, and the Updates panel says so truthfully', async ({ page }) => {
  const brook = await startBrook(mkdtempSync(join(tmpdir(), 'brook-e2e-updates-')));
  try {
    await page.goto(brook.url);
    await openSettingsAt(page, 'general');
    const panel = page.getByTestId('updates-panel');
    await expect(panel).toContainText('Updates');
    await expect(page.getByTestId('updates-unsupported')).toHaveText(/Brook in the browser does not update itself/);
    await expect(panel.getByTestId('updates-check')).toHaveCount(0);
    await expect(panel.getByTestId('updates-auto')).toHaveCount(0);
    if (process.env.BROOK_SHOTS) await shots(page, brook.url, process.env.BROOK_SHOTS);
  } finally {
    await brook.stop();
  }
});

/** Screenshots for looking at the panel (BROOK_SHOTS=<folder>): 420 and 1280 px, English and Chinese, light and dark. */
async function shots(page: Page, brookUrl: string, folder: string): Promise<void> {
  const url = new URL(brookUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
  try {
    for (const language of ['en', 'zh-CN'] as const) {
      await api.request('settings.update', { language });
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of [420, 1280]) {
          await page.emulateMedia({ colorScheme });
          await page.setViewportSize({ width, height: 800 });
          await page.getByTestId('updates-panel').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(folder, `updates-${language}-${colorScheme}-${width}.png`) });
        }
      }
    }
  } finally {
    api.close();
  }
}
