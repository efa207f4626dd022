import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { HistoryStore } from '../../src/main/core/history/HistoryStore';
import { WsContractClient } from '../support/wsContractClient';
import { startBrook } from './support/brookProcess';
import { openSettingsAt } from './support/settingsNav';

test('back up from settings, change the history, restore: the window shows the backup again', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-e2e-backup-'));
  const store = new HistoryStore({ file: join(dataDir, 'brook.sqlite') });
  const c = store.createConversation({ title: 'Before the backup' });
  store.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'How is the weather in Kyoto?', status: 'done' });
  store.close();

  const brook = await startBrook(dataDir);
  const url = new URL(brook.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
  try {
    await page.goto(brook.url);
    await expect(page.getByTestId('conversation-item')).toHaveText(['Before the backup']);
    await openSettingsAt(page, 'data');
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backup-status')).toContainText('backups/brook-');
    await expect(page.getByTestId('backup-item')).toHaveCount(1);

    await api.request('conversations.rename', { id: c.id, title: 'Renamed after the backup' });
    await expect(page.getByTestId('conversation-item')).toHaveText(['Renamed after the backup']);

    await page.getByTestId('backup-restore').first().click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('backup-status')).toBeVisible();
    // The current history was backed up before being replaced.
    await expect(page.getByTestId('backup-item')).toHaveCount(2);
    await page.getByTestId('close-settings').click();
    await expect(page.getByTestId('conversation-item')).toHaveText(['Before the backup']);

    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('Kyoto');
    await expect(page.getByTestId('search-hit')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/e2e/restored.png' });
  } finally {
    api.close();
    await brook.stop();
  }
});
