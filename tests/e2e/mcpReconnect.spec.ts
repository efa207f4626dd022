/**
 * A Streamable HTTP MCP server that restarts mid-conversation, in browser mode: server-everything
 * (HTTP) is added in Settings → Tools, the fixture model calls echo and the user approves it; the
 * server is killed and started again on the same port; the next call works without pressing
 * Restart, and the server's card says the session was opened again. Screenshots of the card at
 * 420 / 1280 px, en / zh-CN, light / dark.
 */
import { mkdirSync } from 'node:fs';
import { WsContractClient } from '../support/wsContractClient';
import { startEverythingHttp } from '../unit/core/tools/mcpKit';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

const SHOTS = '/tmp/shots-toolswire';

test('the next tool call after the MCP server restarted works without Restart, and the card says so', async ({ page, brook, openai }) => {
  test.setTimeout(120_000);
  let server = await startEverythingHttp('streamableHttp');
  const url = new URL(brook.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
  try {
    await page.goto(brook.url);
    await addFixtureProvider(page, openai.url);
    await openSettingsAt(page, 'tools');
    await page.getByTestId('mcp-import').click();
    await page.getByTestId('mcp-import-json').fill(JSON.stringify({ mcpServers: { Everything: { url: server.url } } }));
    await page.getByTestId('mcp-import-submit').click();
    await expect(page.getByTestId('mcp-import-result')).toBeVisible();
    await page.getByTestId('mcp-import-close').click();
    await page.getByTestId('close-settings').click();

    const toggle = page.getByTestId('tools-toggle');
    await expect(toggle).toBeEnabled({ timeout: 20_000 });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    const callEcho = async (text: string) => {
      await send(page, `/tool ${text}`);
      const answer = lastAssistant(page);
      await expect(answer.getByTestId('tool-step')).toHaveAttribute('data-status', 'waiting', { timeout: 20_000 });
      await answer.getByTestId('tool-allow-once').click();
      await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
      await expect(answer.getByTestId('message-content')).toContainText(`The tool answered: Echo: ${text}`);
    };
    await callEcho('before the restart');

    await server.stop();
    server = await startEverythingHttp('streamableHttp', server.port);
    await callEcho('after the restart');

    await openSettingsAt(page, 'tools');
    const card = page.getByTestId('mcp-server');
    await expect(card.getByTestId('mcp-status')).toHaveAttribute('data-status', 'ready');
    await expect(card.getByTestId('mcp-reconnected')).toContainText('dropped the session');
    mkdirSync(SHOTS, { recursive: true });
    for (const language of ['en', 'zh-CN'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await api.request('settings.update', { language, theme });
        await expect(card.getByTestId('mcp-reconnected')).toContainText(language === 'en' ? 'dropped the session' : '自动建立新会话');
        for (const width of [420, 1280]) {
          await page.setViewportSize({ width, height: 820 });
          await card.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/reconnected-${width}-${language}-${theme}.png` });
        }
      }
    }
  } finally {
    api.ws.close();
    await server.stop();
  }
});
