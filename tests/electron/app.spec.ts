import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { REQUEST_NAMES, type PreloadApi } from '../../src/shared/contract';

// resolve() drops the trailing separator, which would escape the closing quote of a Windows command line.
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MAIN_ENTRY = join(ROOT, 'out', 'main', 'index.js');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/**
 * The Electron executable, found exactly as scripts/electron-native.mjs finds it: the rules of
 * node_modules/electron/index.js (path.txt inside dist/, or ELECTRON_OVERRIDE_DIST_PATH), minus
 * its side effect — since Electron 42 `require('electron')` downloads a missing binary. Null
 * when it is not installed; any other problem (a broken app, a missing build) fails for real.
 */
function electronPackageDir(): string | null {
  try {
    return dirname(requireFromRoot.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function findElectronExecutable(electronDir: string | null): string | null {
  if (!electronDir) return null;
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let executable: string | null = null;
  if (override) executable = join(override, relative || 'electron');
  else if (relative) executable = join(electronDir, 'dist', relative);
  return executable && existsSync(executable) ? executable : null;
}

/** The file scripts/electron-native.mjs writes and src/main/nativeBinding.ts loads. */
function electronSqliteBuild(electronDir: string): string {
  const readVersion = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  let electronVersion = readVersion(join(electronDir, 'package.json'));
  const versionFile = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), 'version');
  if (existsSync(versionFile)) electronVersion = readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') || electronVersion;
  const sqliteVersion = readVersion(requireFromRoot.resolve('better-sqlite3/package.json'));
  const name = `better_sqlite3-electron-${electronVersion}-${sqliteVersion}-${process.platform}-${process.arch}.node`;
  return join(ROOT, 'node_modules', '.cache', 'brook-native', name);
}

const ELECTRON_DIR = electronPackageDir();
const ELECTRON_EXECUTABLE = findElectronExecutable(ELECTRON_DIR);
// CI sets this so that a missing binary fails instead of skipping everything quietly.
const REQUIRE_ELECTRON = !['', '0', 'false'].includes((process.env.BROOK_REQUIRE_ELECTRON ?? '').trim().toLowerCase());
const SKIP_REASON =
  'no Electron binary installed (ELECTRON_SKIP_BINARY_DOWNLOAD?) — the Electron end-to-end tests need one: ' +
  'run `node scripts/electron-native.mjs` (fetches Electron and builds better-sqlite3 for it) or `npx install-electron --no`';
const SKIP = !ELECTRON_EXECUTABLE && !REQUIRE_ELECTRON;
// The list reporter shows skipped tests without their reason: say it once, in the run's output.
if (SKIP) console.log(`electron tests: skipped — ${SKIP_REASON}`);

/** Only what the preload exposes, seen from the page (the test's tsconfig has no DOM types). */
type PageGlobals = { brook: PreloadApi; open(url: string): unknown; location: { href: string } };

interface Brook {
  app: ElectronApplication;
  window: Page;
  dataDir: string;
  /** Quits the app and starts it again on the same data folder. */
  restart(): Promise<void>;
}

function appEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Test the built files, in GUI mode, on a fresh data folder (the main process honours BROOK_DATA_DIR).
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL;
  env.BROOK_DATA_DIR = dataDir;
  // Exposes the desktop port to app.evaluate(), so a test can do what the global shortcut does.
  env.BROOK_TEST_HOOKS = '1';
  return env;
}

async function launch(dataDir: string, log: string[]): Promise<{ app: ElectronApplication; window: Page }> {
  // Start the project folder, as `electron-vite preview` does: package.json's `main` is
  // out/main/index.js, and app.getAppPath() is then the project root, where the main process
  // looks for node_modules/.cache/brook-native. Playwright uses node_modules/electron itself.
  const app = await electron.launch({ args: [ROOT], cwd: ROOT, env: appEnv(dataDir), timeout: 60_000 });
  const record = (chunk: Buffer) => log.push(chunk.toString());
  app.process().stdout?.on('data', record);
  app.process().stderr?.on('data', record);
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    return { app, window };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

const test = base.extend<{ brook: Brook }>({
  brook: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'brook-electron-'));
    const log: string[] = [];
    let brook: Brook | null = null;
    try {
      const current: Brook = {
        ...(await launch(dataDir, log)),
        dataDir,
        async restart() {
          await current.app.close();
          Object.assign(current, await launch(dataDir, log));
        },
      };
      brook = current;
      await use(current);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('main process output', { body: log.join(''), contentType: 'text/plain' });
        const shot = brook ? await brook.window.screenshot().catch(() => null) : null;
        if (shot) await testInfo.attach('window', { body: shot, contentType: 'image/png' });
      }
      if (brook) await brook.app.close();
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  },
});

test.describe('Brook desktop (Electron)', () => {
  test.skip(SKIP, SKIP_REASON);

  test.beforeAll(() => {
    if (!ELECTRON_DIR || !ELECTRON_EXECUTABLE) throw new Error(`BROOK_REQUIRE_ELECTRON is set but there is ${SKIP_REASON}`);
    if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npm run build\` first`);
    const sqliteBuild = electronSqliteBuild(ELECTRON_DIR);
    if (!existsSync(sqliteBuild)) {
      throw new Error(`${sqliteBuild} is missing: run \`node scripts/electron-native.mjs\` first (npm run test:electron does)`);
    }
  });

  test('opens the chat window', async ({ brook }) => {
    await expect(brook.window.getByTestId('new-chat')).toBeVisible();
  });

  test('loads its pages from app://brook/ with the CSP, never file:// (issue #12 item 12)', async ({ brook }) => {
    expect(brook.window.url()).toMatch(/^app:\/\/brook\/index\.html/);
    const csp = await brook.window.evaluate(async () => (await fetch('app://brook/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    const outside = await brook.window.evaluate(async () => (await fetch('app://brook/..%2F..%2Fpackage.json')).status);
    expect(outside).toBe(404);
  });

  test('answers a request over IPC, through exactly the contract', async ({ brook }) => {
    const info = await brook.window.evaluate(() => (globalThis as unknown as PageGlobals).brook['app.info']({}));
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
    if (!info.ok) return;
    expect([brook.dataDir, realpathSync(brook.dataDir)]).toContain(info.value.dataDir);

    const exposed = await brook.window.evaluate(() => Object.keys((globalThis as unknown as PageGlobals).brook).sort());
    expect(exposed).toEqual([...REQUEST_NAMES, 'on'].sort());
  });

  test('a new chat appears in the list and is still there after a restart', async ({ brook }) => {
    const items = () => brook.window.getByTestId('conversation-item');
    await expect(brook.window.getByTestId('new-chat')).toBeVisible();
    await expect(items()).toHaveCount(0); // a fresh data folder
    await brook.window.getByTestId('new-chat').click();
    await expect(items()).toHaveCount(1);

    // The history lives in SQLite, opened through the Electron build of better-sqlite3.
    await brook.restart();
    await expect(items()).toHaveCount(1);
  });

  test('the renderer is isolated: no Node, no popups, no navigation away', async ({ brook }) => {
    const globals = await brook.window.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return { require: typeof g.require, process: typeof g.process, module: typeof g.module, Buffer: typeof g.Buffer };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });

    // The preferences each window's renderer was started with. getLastWebPreferences() is real
    // but undocumented (absent from electron.d.ts); if a release drops it, this reads 'unavailable'.
    const preferences = await brook.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => {
        const contents = w.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
        return contents.getLastWebPreferences ? contents.getLastWebPreferences() : 'unavailable';
      }),
    );
    expect(preferences.length).toBeGreaterThan(0);
    for (const p of preferences) {
      expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    }

    // The app hands http(s) links to the system browser: record those calls instead of opening one.
    await brook.app.evaluate(({ shell }) => {
      const calls: string[] = [];
      (globalThis as unknown as { brookExternalCalls: string[] }).brookExternalCalls = calls;
      shell.openExternal = async (url: string) => {
        calls.push(url);
      };
    });

    const popup = brook.app.waitForEvent('window', { timeout: 1_500 }).then(
      () => true,
      () => false,
    );
    const opened = await brook.window.evaluate(() => [
      (globalThis as unknown as PageGlobals).open('https://example.com/'),
      (globalThis as unknown as PageGlobals).open('file:///etc/passwd'),
    ]);
    expect(opened).toEqual([null, null]);
    expect(await popup).toBe(false);

    const url = brook.window.url();
    const withoutHash = (u: string) => u.split('#')[0];
    const navigated = brook.window
      .waitForEvent('framenavigated', { predicate: (frame) => withoutHash(frame.url()) !== withoutHash(url), timeout: 1_500 })
      .then(
        () => true,
        () => false,
      );
    await brook.window.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    expect(await navigated).toBe(false);
    expect(withoutHash(brook.window.url())).toBe(withoutHash(url));

    const external = await brook.app.evaluate(() => (globalThis as unknown as { brookExternalCalls: string[] }).brookExternalCalls);
    expect(external.every((u) => u.startsWith('https://'))).toBe(true);
    await expect(brook.window.getByTestId('new-chat')).toBeVisible();
  });
});

/** The desktop port as the main process exposes it under BROOK_TEST_HOOKS (see src/main/index.ts). */
type DesktopHook = {
  __brookDesktop: {
    hasTray(): boolean;
    toggleQuickAsk(): void;
    status(): { available: boolean; shortcut: { accelerator: string; registered: boolean } | null };
  };
};

test.describe('Quick ask from the tray and the global shortcut (Electron)', () => {
  test.skip(SKIP, SKIP_REASON);

  test('the tray icon exists and the default shortcut is registered with the OS', async ({ brook }) => {
    await expect(brook.window.getByTestId('new-chat')).toBeVisible();
    const state = await brook.app.evaluate(({ globalShortcut }) => {
      const desktop = (globalThis as unknown as DesktopHook).__brookDesktop;
      const status = desktop.status();
      return { tray: desktop.hasTray(), status, osSaysRegistered: status.shortcut ? globalShortcut.isRegistered(status.shortcut.accelerator) : false };
    });
    expect(state.tray).toBe(true);
    expect(state.status.available).toBe(true);
    expect(state.status.shortcut?.registered).toBe(true);
    expect(state.osSaysRegistered).toBe(true);
  });

  test('the shortcut toggles a frameless, always-on-top window that Esc hides', async ({ brook }) => {
    await expect(brook.window.getByTestId('new-chat')).toBeVisible();
    const quickWindow = brook.app.waitForEvent('window', { predicate: (page) => page.url().includes('quick.html') });
    await brook.app.evaluate(() => (globalThis as unknown as DesktopHook).__brookDesktop.toggleQuickAsk());
    const quick = await quickWindow;
    await expect(quick.getByTestId('quick-input')).toBeVisible();

    const quickState = () =>
      brook.app.evaluate(({ BrowserWindow }) => {
        const w = BrowserWindow.getAllWindows().find((x) => x.webContents.getURL().includes('quick.html'));
        return w ? { visible: w.isVisible(), onTop: w.isAlwaysOnTop(), count: BrowserWindow.getAllWindows().length } : null;
      });
    await expect.poll(async () => (await quickState())?.visible).toBe(true);
    expect(await quickState()).toMatchObject({ onTop: true });

    await quick.getByTestId('quick-input').press('Escape');
    await expect.poll(async () => (await quickState())?.visible).toBe(false);

    // Shown again, it is the same window, reused rather than rebuilt.
    const before = (await quickState())?.count;
    await brook.app.evaluate(() => (globalThis as unknown as DesktopHook).__brookDesktop.toggleQuickAsk());
    await expect.poll(async () => (await quickState())?.visible).toBe(true);
    expect((await quickState())?.count).toBe(before);
  });

  test('closing the main window keeps Brook running in the tray', async ({ brook }) => {
    await expect(brook.window.getByTestId('new-chat')).toBeVisible();
    await brook.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    const alive = await brook.app.evaluate(({ BrowserWindow }) => ({
      windows: BrowserWindow.getAllWindows().length,
      tray: (globalThis as unknown as DesktopHook).__brookDesktop.hasTray(),
    }));
    expect(alive).toEqual({ windows: 1, tray: true });
  });
});
