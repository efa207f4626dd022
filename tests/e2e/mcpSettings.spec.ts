import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openSettingsAt, test } from './support/appFixtures';
import { startBrook } from './support/brookProcess';
import { horizontalOverflow, shot } from './support/layoutChecks';

const require = createRequire(import.meta.url);
/** The reference server, run with the same node as the test (`node <bin> stdio`). */
const EVERYTHING_BIN = join(dirname(require.resolve('@modelcontextprotocol/server-everything/package.json')), 'dist', 'index.js');

const card = (page: Page, name: string) => page.locator(`[data-testid="mcp-server"][data-name="${name}"]`);

/**
 * Browser mode, Settings → Tools: add server-everything as a stdio server (with a secret env
 * value), see it start with its tools, switch a tool off (kept after reload), import a
 * Claude Desktop JSON (a good entry and one whose command does not exist), remove with confirm.
 */
test('Settings → Tools: add a stdio server, see its tools, switch one off, import JSON, remove', async ({ page, brook }) => {
  test.setTimeout(120_000);
  await page.goto(brook.url);
  await openSettingsAt(page, 'tools');
  await expect(page.getByTestId('mcp-settings')).toContainText('No servers yet');

  // Keyboard: the Add button opens the form, focus starts in it, Escape closes it.
  await page.getByTestId('mcp-add').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mcp-name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mcp-server-form')).toHaveCount(0);

  await page.getByTestId('mcp-add').click();
  await page.getByTestId('mcp-name').fill('everything');
  await page.getByTestId('mcp-command').fill(process.execPath);
  await page.getByTestId('mcp-args').fill(`${EVERYTHING_BIN}\nstdio`);
  await page.getByTestId('mcp-add-env').click();
  const row = page.getByTestId('mcp-env-row').first();
  await row.getByLabel('Name').fill('EVERYTHING_TOKEN');
  await row.getByTestId('mcp-env-secret').check();
  await row.getByLabel('Value').fill('e2e-secret-value-77');
  await page.getByTestId('mcp-save').click();
  await expect(page.getByTestId('mcp-server-form')).toHaveCount(0);

  const everything = card(page, 'everything');
  await expect(everything.getByTestId('mcp-status')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await expect(everything.getByTestId('mcp-status')).toHaveText(/Ready · \d+ tools/);
  const echo = everything.locator('[data-testid="mcp-tool"][data-name="echo"]');
  await expect(echo).toContainText('Echoes back the input');
  await echo.getByText('Input schema').click();
  await expect(echo.locator('pre')).toContainText('"message"');
  // The secret never comes back to the window.
  expect(await page.content()).not.toContain('e2e-secret-value-77');

  await echo.getByTestId('mcp-tool-enabled').uncheck();
  await expect(echo.getByTestId('mcp-tool-enabled')).not.toBeChecked();

  // Editing shows the secret as stored, without its value.
  await everything.getByTestId('mcp-edit').click();
  await expect(page.getByTestId('mcp-env-row').first().getByLabel('Value')).toHaveAttribute('placeholder', 'Stored — leave empty to keep');
  await expect(page.getByTestId('mcp-env-row').first().getByLabel('Value')).toHaveValue('');
  await page.keyboard.press('Escape');

  await page.getByTestId('mcp-import').click();
  await page.getByTestId('mcp-import-json').fill('{ "mcpServers": ');
  await page.getByTestId('mcp-import-submit').click();
  await expect(page.getByTestId('mcp-import-error')).toHaveText('This is not valid JSON.');
  const files = mkdtempSync(join(tmpdir(), 'brook-e2e-mcp-files-'));
  const json = { mcpServers: { files: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', files] }, broken: { command: 'brook-no-such-command-e2e' } } };
  await page.getByTestId('mcp-import-json').fill(JSON.stringify(json, null, 2));
  await page.getByTestId('mcp-import-submit').click();
  await expect(page.getByTestId('mcp-import-result')).toHaveText('Added 2 servers: files, broken.');
  await page.getByTestId('mcp-import-close').click();
  await expect(card(page, 'files').getByTestId('mcp-status')).toHaveAttribute('data-status', 'stopped');
  await card(page, 'broken').getByTestId('mcp-restart').click();
  await expect(card(page, 'broken').getByTestId('mcp-status')).toHaveAttribute('data-status', 'failed');
  await expect(card(page, 'broken').getByTestId('mcp-error')).toContainText('The command “brook-no-such-command-e2e” was not found');

  // After a reload the switch is still off, and the server list is the same.
  await page.reload();
  await openSettingsAt(page, 'tools');
  await expect(page.getByTestId('mcp-server')).toHaveCount(3);
  // Not started again by a reload of the window: the core keeps running it.
  await expect(card(page, 'everything').getByTestId('mcp-status')).toHaveAttribute('data-status', 'ready');
  await expect(card(page, 'everything').locator('[data-testid="mcp-tool"][data-name="echo"]').getByTestId('mcp-tool-enabled')).not.toBeChecked();

  await card(page, 'files').getByTestId('mcp-remove').click();
  await expect(page.getByTestId('confirm-cancel')).toBeFocused();
  await page.getByTestId('confirm-ok').click();
  await expect(card(page, 'files')).toHaveCount(0);
  await expect(page.getByTestId('mcp-server')).toHaveCount(2);
});

test('Settings → Tools: always-allowed tools can be revoked; the page fits at 420 and 1280 px in both languages and themes', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-e2e-mcp-'));
  // A server the user had already set up, with one tool always allowed from an earlier approval.
  const server = (id: string, name: string, args: string[], alwaysAllowed: string[]) => ({
    id,
    name,
    enabled: true,
    transport: { kind: 'stdio', command: process.execPath, args, cwd: '', env: [{ name: 'API_TOKEN', value: '', secret: true }] },
    disabledTools: ['get-env'],
    alwaysAllowed,
  });
  writeFileSync(
    join(dataDir, 'mcp-servers.json'),
    JSON.stringify({ servers: [server('s1', 'everything', [EVERYTHING_BIN, 'stdio'], ['echo', 'get-sum']), server('s2', 'exits at once', ['-e', 'console.error("fatal: missing config file ~/.tool/config.toml"); process.exit(2)'], [])] }),
  );
  const brook = await startBrook(dataDir);
  try {
    await page.goto(brook.url);
    await openSettingsAt(page, 'tools');
    const everything = card(page, 'everything');
    await expect(everything.getByTestId('mcp-always-allowed')).toContainText('echo');
    await everything.getByTestId('mcp-restart').click();
    await card(page, 'exits at once').getByTestId('mcp-restart').click();
    await expect(everything.getByTestId('mcp-status')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
    await expect(card(page, 'exits at once').getByTestId('mcp-status')).toHaveAttribute('data-status', 'failed');
    await card(page, 'exits at once').getByText('Error output (stderr)').click();
    await expect(card(page, 'exits at once').getByTestId('mcp-stderr')).toContainText('fatal: missing config file');

    await everything.getByTestId('mcp-revoke').first().click();
    await expect(everything.getByTestId('mcp-always-allowed')).not.toContainText('echo');
    await expect(everything.getByTestId('mcp-always-allowed')).toContainText('get-sum');

    const shots = process.env.BROOK_SHOTS_DIR;
    if (shots) mkdirSync(shots, { recursive: true });
    for (const language of ['en', 'zh-CN'] as const) {
      if (language === 'zh-CN') {
        await page.getByTestId('settings-nav-general').click();
        await page.getByTestId('language-select').selectOption('zh-CN');
        await page.getByTestId('settings-nav-tools').click();
      }
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const width of [420, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          await expect(page.getByTestId('mcp-settings')).toBeVisible();
          expect(await horizontalOverflow(page), `${width} ${language} ${scheme}`).toEqual([]);
          await shot(page, `mcp-${width}-${language}-${scheme}`);
        }
      }
    }
    // The add form, in Chinese and dark, at the narrow width.
    await page.setViewportSize({ width: 420, height: 900 });
    await page.getByTestId('mcp-add').click();
    await page.getByTestId('mcp-add-env').click();
    expect(await horizontalOverflow(page)).toEqual([]);
    await shot(page, 'mcp-form-420-zh-CN-dark');
  } finally {
    await brook.stop();
  }
});

/**
 * Settings → Tools, how calls run: the switches and limits are saved by the core (kept after a
 * reload), and a value out of range says the range and is not saved.
 */
test('Settings → Tools: tool-call settings are saved, and an out-of-range limit is refused', async ({ page, brook }) => {
  await page.goto(brook.url);
  await openSettingsAt(page, 'tools');
  const panel = page.getByTestId('tool-call-settings');
  await expect(page.getByTestId('tool-calls-ask')).toBeChecked();
  await page.getByTestId('tool-calls-maxRounds').fill('3');
  await page.getByTestId('tool-calls-maxRounds').press('Enter');
  await page.getByTestId('tool-calls-timeoutSeconds').fill('0');
  await page.getByTestId('tool-calls-timeoutSeconds').press('Enter');
  await expect(panel.locator('.field__error')).toContainText('From 1 to 3600');
  await page.getByTestId('tool-calls-default').check();
  await page.getByTestId('tool-calls-ask').uncheck();
  await expect(panel).toContainText('without asking');

  await page.reload();
  await openSettingsAt(page, 'tools');
  await expect(page.getByTestId('tool-calls-maxRounds')).toHaveValue('3');
  await expect(page.getByTestId('tool-calls-timeoutSeconds')).toHaveValue('60');
  await expect(page.getByTestId('tool-calls-default')).toBeChecked();
  await expect(page.getByTestId('tool-calls-ask')).not.toBeChecked();
});
