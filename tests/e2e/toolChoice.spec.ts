/**
 * Per-conversation tools and image results in browser mode (issue 16): two real MCP servers
 * (server-everything and server-filesystem over stdio) are imported in Settings → Tools; in a new
 * chat the Tools popover (keyboard only) keeps Everything, drops Files and one of Everything's
 * tools; the fixture model's request shows it was offered only those; its call to the image tool
 * is approved and the image shows in the step as a thumbnail that opens the viewer — again after
 * a reload with the server switched off, read from Brook's own store. Screenshots at 420 / 1280
 * px, en / zh-CN, light / dark.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { WsContractClient } from '../support/wsContractClient';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

const require = createRequire(import.meta.url);
const EVERYTHING_BIN = require.resolve('@modelcontextprotocol/server-everything/dist/index.js');
const FILESYSTEM_BIN = require.resolve('@modelcontextprotocol/server-filesystem/dist/index.js');
const SHOTS = '/tmp/shots-toolsui';

const offeredNames = (body: unknown): string[] => {
  const tools = (body as { tools?: { function?: { name?: string } }[] }).tools ?? [];
  return tools.map((t) => t.function?.name ?? '');
};

async function importServers(page: Page) {
  const folder = mkdtempSync(join(tmpdir(), 'brook-e2e-files-'));
  await openSettingsAt(page, 'tools');
  await page.getByTestId('mcp-import').click();
  await page.getByTestId('mcp-import-json').fill(
    JSON.stringify({
      mcpServers: { Everything: { command: process.execPath, args: [EVERYTHING_BIN, 'stdio'] }, Files: { command: process.execPath, args: [FILESYSTEM_BIN, folder] } },
    }),
  );
  await page.getByTestId('mcp-import-submit').click();
  await expect(page.getByTestId('mcp-import-result')).toBeVisible();
  await page.getByTestId('mcp-import-close').click();
  await expect(page.getByTestId('mcp-server')).toHaveCount(2);
  await page.getByTestId('close-settings').click();
}

test('a chat offers the one server picked for it, and an image result is a thumbnail that opens the viewer, also after a reload', async ({ page, brook, openai }) => {
  test.setTimeout(120_000);
  const url = new URL(brook.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
  try {
    await page.goto(brook.url);
    await addFixtureProvider(page, openai.url);
    await importServers(page);

    const toggle = page.getByTestId('tools-toggle');
    const choose = page.getByTestId('tools-choose');
    await expect(choose).toBeEnabled({ timeout: 30_000 });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    // Keyboard only: open the choice, untick Files, open Everything's tools and untick get-sum.
    await choose.focus();
    await page.keyboard.press('Enter');
    const popover = page.getByTestId('tool-choice');
    await expect(popover).toBeVisible();
    await expect(popover).toHaveAttribute('role', 'dialog');
    await expect(choose).toHaveAttribute('aria-expanded', 'true');
    const servers = popover.getByTestId('tool-choice-server');
    await expect(servers).toHaveCount(2);
    const everything = servers.filter({ hasText: 'Everything' });
    const files = servers.filter({ hasText: 'Files' });
    await expect(everything.getByTestId('tool-choice-server-check')).toBeFocused();
    await expect(files.getByTestId('tool-choice-server-check')).toBeChecked();
    await files.getByTestId('tool-choice-server-check').focus();
    await page.keyboard.press('Space');
    await expect(files.getByTestId('tool-choice-server-check')).not.toBeChecked();
    await everything.getByTestId('tool-choice-expand').focus();
    await page.keyboard.press('Enter');
    await expect(everything.getByTestId('tool-choice-expand')).toHaveAttribute('aria-expanded', 'true');
    const sum = everything.locator('[data-testid="tool-choice-tool-check"][data-tool="get-sum"]');
    await sum.focus();
    await page.keyboard.press('Space');
    await expect(sum).not.toBeChecked();
    // Ticking a tool turns Tools on; unticking does not: still off here.
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();
    await expect(choose).toBeFocused();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    openai.clearRequests();
    await send(page, '/tool-image show me');
    const answer = lastAssistant(page);
    const step = answer.getByTestId('tool-step');
    await expect(step).toHaveAttribute('data-status', 'waiting', { timeout: 30_000 });
    await expect(step).toContainText('get-tiny-image');
    // The model was offered Everything's tools but get-sum, and nothing of Files.
    const offered = offeredNames(openai.requests.find((r) => offeredNames(r.body).length > 0)!.body);
    expect(offered).toEqual(expect.arrayContaining(['echo', 'get-tiny-image']));
    expect(offered).not.toContain('get-sum');
    expect(offered).not.toContain('read_text_file');
    expect(offered).not.toContain('list_directory');

    await step.getByTestId('tool-allow-once').click();
    await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(answer.getByTestId('message-content')).toContainText('[image image/png');

    const checkImage = async () => {
      const done = lastAssistant(page);
      await done.getByTestId('tool-summary').click();
      const thumb = done.getByTestId('tool-step-image');
      await expect(thumb).toHaveCount(1);
      await expect(thumb.getByTestId('message-attachment-thumb')).toHaveAttribute('src', /^data:image\/png;base64,/);
      await thumb.click();
      const viewer = page.getByTestId('image-viewer');
      await expect(viewer).toBeVisible();
      await expect(viewer.getByTestId('image-viewer-image')).toHaveAttribute('src', /^(data:image|blob:)/);
      await expect(viewer).toContainText('get-tiny-image-1.png');
      await page.keyboard.press('Escape');
      await expect(viewer).toBeHidden();
      await expect(thumb).toBeFocused();
    };
    await checkImage();

    // After a reload, with the server switched off: the picture comes from Brook's own store.
    const everythingId = (await api.request('tools.listServers', {})).find((s) => s.config.name === 'Everything')!.config.id;
    await page.reload();
    await page.getByTestId('conversation-item').first().click();
    await checkImage();
    // The chat's choice came back with it.
    await page.getByTestId('tools-choose').click();
    await expect(page.getByTestId('tool-choice').getByTestId('tool-choice-server').filter({ hasText: 'Files' }).getByTestId('tool-choice-server-check')).not.toBeChecked();
    await page.keyboard.press('Escape');
    await api.request('tools.setServerEnabled', { id: everythingId, enabled: false });
    await page.reload();
    await page.getByTestId('conversation-item').first().click();
    await checkImage();

    mkdirSync(SHOTS, { recursive: true });
    // With Everything off the popover lists Files only: switch it back on for the pictures.
    await api.request('tools.setServerEnabled', { id: everythingId, enabled: true });
    await expect(page.getByTestId('tools-offered')).toHaveText('12', { timeout: 30_000 });
    for (const language of ['en', 'zh-CN'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await api.request('settings.update', { language, theme });
        for (const width of [420, 1280]) {
          const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}-${width}-${language}-${theme}.png` });
          await page.setViewportSize({ width, height: 820 });
          const item = page.getByTestId('conversation-item').first();
          if (width < 600 && (await item.isVisible())) await item.click();
          const last = lastAssistant(page);
          if ((await last.getByTestId('tool-step').count()) === 0) await last.getByTestId('tool-summary').click();
          await last.getByTestId('tool-step').scrollIntoViewIfNeeded();
          await shot('image-step');
          await last.getByTestId('tool-step-image').click();
          await expect(page.getByTestId('image-viewer-image')).toBeVisible();
          await shot('image-viewer');
          await page.keyboard.press('Escape');
          await page.getByTestId('tools-choose').click();
          const pop = page.getByTestId('tool-choice');
          await expect(pop.getByTestId('tool-choice-server')).toHaveCount(2);
          await shot('popover');
          await pop.getByTestId('tool-choice-server').filter({ hasText: 'Everything' }).getByTestId('tool-choice-expand').click();
          await expect(pop.getByTestId('tool-choice-tool-check').first()).toBeVisible();
          await shot('popover-tools');
          await page.keyboard.press('Escape');
          await expect(pop).toBeHidden();
        }
      }
    }
  } finally {
    api.ws.close();
  }
});
