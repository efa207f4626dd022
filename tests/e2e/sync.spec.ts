import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startServer, type DbServer } from '../support/dbServers';
import { serverSettings, syncDevice } from '../support/syncDevices';
import { startBrook, type BrookProcess } from './support/brookProcess';
import { openSettingsAt } from './support/settingsNav';

const SHOTS = '/work/shots/sync';

/**
 * Browser mode: sync is turned on in Settings, and a conversation written on another device
 * (a second history with the core's sync engine, syncing through a real PostgreSQL server)
 * appears in the sidebar. (The whole core cannot load in Playwright's test runner: its strings
 * are JSON modules.)
 */
test('turning sync on in settings brings a conversation from another device', async ({ page }) => {
  test.setTimeout(120_000);
  let server: DbServer | null = null;
  let brook: BrookProcess | null = null;
  const laptop = syncDevice();
  try {
    server = await startServer('postgres');
    const c = laptop.history.createConversation({ title: 'Written on the laptop' });
    laptop.history.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'Hello from the laptop', status: 'done' });
    const sent = await laptop.sync(serverSettings(server, server.database), server.password);
    expect(sent.pushed).toBeGreaterThan(0);

    brook = await startBrook();
    await page.goto(brook.url);
    await expect(page.getByTestId('conversation-item')).toHaveCount(0);
    await openSettingsAt(page, 'sync');
    const panel = page.getByTestId('sync-settings');
    await panel.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('sync-not-synced')).toBeVisible();
    await page.getByTestId('sync-kind').selectOption('postgres');
    await page.getByTestId('sync-host').fill(server.host);
    await page.getByTestId('sync-port').fill(String(server.port));
    await page.getByTestId('sync-database').fill(server.database);
    await page.getByTestId('sync-user').fill(server.user);
    await page.getByTestId('sync-password').fill('not the password');
    await page.getByTestId('sync-ca-file').fill(server.caFile);
    await page.getByTestId('sync-test').click();
    await expect(page.getByTestId('sync-outcome')).toHaveText(/refused the user name or password/);
    await page.getByTestId('sync-password').fill(server.password);
    await page.getByTestId('sync-test').click();
    await expect(page.getByTestId('sync-outcome')).toHaveText(/Connected/);
    await page.getByTestId('sync-enabled').check();
    mkdirSync(SHOTS, { recursive: true });
    await panel.screenshot({ path: `${SHOTS}/settings-1280-en-light.png` });
    await page.getByTestId('close-settings').click();

    await expect(page.getByTestId('conversation-item')).toHaveText(['Written on the laptop']);
    await expect(page.getByTestId('sync-status')).toHaveText(/Synced/);
    await page.getByTestId('conversation-item').click();
    await expect(page.getByText('Hello from the laptop')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/sidebar-1280-en-light.png` });
  } finally {
    await brook?.stop();
    laptop.history.close();
    await server?.destroy();
  }
});
