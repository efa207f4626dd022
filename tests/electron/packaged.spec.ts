import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { startOpenAIFixture, type OpenAIFixture } from '../fixtures/openaiServer';
import { addFixtureProvider, lastAssistant, send } from '../e2e/support/appFixtures';

/**
 * The packaged app, as users get it: the executable electron-builder made (`npm run dist`),
 * with its app.asar and its own better-sqlite3 build. .github/workflows/release.yml runs this
 * on Windows, macOS and Linux with BROOK_PACKAGED_APP set to the executable before anything is
 * published. Elsewhere it reports itself skipped: electron-builder downloads Electron to package,
 * which a machine without access to Electron's downloads cannot do.
 */
const EXECUTABLE = process.env.BROOK_PACKAGED_APP ?? '';
const SKIP_REASON =
  'BROOK_PACKAGED_APP is not set — this test drives the executable `npm run dist` builds (dist/linux-unpacked/brook, ' +
  'dist/win-unpacked/Brook.exe, dist/mac-*/Brook.app/Contents/MacOS/Brook); the release workflow runs it on each OS';
if (!EXECUTABLE) console.log(`packaged app test: skipped — ${SKIP_REASON}`);

async function launch(dataDir: string): Promise<{ app: ElectronApplication; window: Page }> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  env.BROOK_DATA_DIR = dataDir;
  const app = await electron.launch({ executablePath: EXECUTABLE, args: [], env, timeout: 90_000 });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}

test.describe('the packaged Brook', () => {
  test.skip(!EXECUTABLE, SKIP_REASON);
  let openai: OpenAIFixture;
  let dataDir: string;

  test.beforeAll(async () => {
    if (!existsSync(EXECUTABLE)) throw new Error(`BROOK_PACKAGED_APP points at ${EXECUTABLE}, which does not exist: run \`npm run dist\` first`);
    openai = await startOpenAIFixture();
    dataDir = mkdtempSync(join(tmpdir(), 'brook-packaged-'));
  });
  test.afterAll(async () => {
    await openai?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  test('starts, streams an answer from a provider, quits, and has the conversation after a restart', async () => {
    let { app, window } = await launch(dataDir);
    try {
      const info = await app.evaluate(({ app: electronApp }) => ({ packaged: electronApp.isPackaged, version: electronApp.getVersion() }));
      expect(info.packaged).toBe(true);
      await expect(window.getByTestId('new-chat')).toBeVisible();

      await addFixtureProvider(window, openai.url);
      await window.getByTestId('new-chat').click();
      await send(window, 'Hello from the packaged app');
      await expect(lastAssistant(window)).toHaveAttribute('data-status', 'done');
      await expect(lastAssistant(window).getByTestId('message-content')).toHaveText('You said: Hello from the packaged app');

      // Quit (the history is saved by SQLite in the packaged better-sqlite3 build), then start again.
      await app.close();
      ({ app, window } = await launch(dataDir));
      const item = window.getByTestId('conversation-item').filter({ hasText: 'Hello from the packaged app' });
      await expect(item).toHaveCount(1);
      await item.click();
      await expect(lastAssistant(window).getByTestId('message-content')).toHaveText('You said: Hello from the packaged app');

      // Installed copies show the Updates panel with a real status (no crash, whatever the network).
      await window.getByTestId('open-settings').click();
      await expect(window.getByTestId('updates-panel')).toBeVisible();
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
