/**
 * Calling tools in browser mode: server-everything is added in Settings → Tools (imported as
 * `mcpServers` JSON), the fixture model asks for `echo`, the user approves it in
 * the step and sees the result and the answer; the next call is denied; after a reload both
 * answers look the same. Screenshots of the steps at 420 / 1280 px, en / zh-CN, light / dark.
 */
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { WsContractClient } from '../support/wsContractClient';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';

const require = createRequire(import.meta.url);
const EVERYTHING_BIN = require.resolve('@modelcontextprotocol/server-everything/dist/index.js');
const SHOTS = '/tmp/shots-toolcall';

test('the model calls echo: approve it in the step, deny the next call, and both survive a reload', async ({ page, brook, openai }) => {
  test.setTimeout(90_000);
  const url = new URL(brook.url);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const api = await WsContractClient.connect(`ws://${url.host}/ws?token=${token}`, { origin: url.origin });
  try {
    await page.goto(brook.url);
    await addFixtureProvider(page, openai.url);
    await openSettingsAt(page, 'tools');
    await page.getByTestId('mcp-import').click();
    await page.getByTestId('mcp-import-json').fill(JSON.stringify({ mcpServers: { Everything: { command: process.execPath, args: [EVERYTHING_BIN, 'stdio'] } } }));
    await page.getByTestId('mcp-import-submit').click();
    await expect(page.getByTestId('mcp-import-result')).toBeVisible();
    await page.getByTestId('mcp-import-close').click();
    await expect(page.getByTestId('mcp-server')).toHaveCount(1);
    await page.getByTestId('close-settings').click();

    const toggle = page.getByTestId('tools-toggle');
    await expect(toggle).toBeEnabled({ timeout: 20_000 });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await send(page, '/tool hello from Brook');
    const answer = lastAssistant(page);
    const step = answer.getByTestId('tool-step');
    await expect(step).toHaveAttribute('data-status', 'waiting', { timeout: 20_000 });
    await expect(step).toContainText('Everything');
    await expect(step).toContainText('echo');
    await expect(step.getByTestId('tool-step-arguments')).toHaveText('{\n  "message": "hello from Brook"\n}');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/waiting-1280-en-light.png` });
    // Keyboard: the approval buttons are reachable and work with Enter.
    await step.getByTestId('tool-allow-once').focus();
    await page.keyboard.press('Enter');
    await expect(answer).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await expect(answer.getByTestId('message-content')).toContainText('The tool answered: Echo: hello from Brook');
    await expect(answer.getByTestId('tool-summary')).toHaveText('Used 1 tool');
    await answer.getByTestId('tool-summary').click();
    await expect(answer.getByTestId('tool-step')).toHaveAttribute('data-status', 'done');
    await expect(answer.getByTestId('tool-step-result')).toContainText('Echo: hello from Brook');
    await expect(answer.getByTestId('tool-step-status')).toContainText('Allowed once');

    await send(page, '/tool do not run this');
    const second = lastAssistant(page);
    await expect(second.getByTestId('tool-step')).toHaveAttribute('data-status', 'waiting', { timeout: 20_000 });
    await second.getByTestId('tool-deny').click();
    await expect(second).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await expect(second.getByTestId('message-content')).toContainText('The tool answered: The user denied this tool call.');

    const check = async () => {
      const answers = page.locator('[data-testid="message"][data-role="assistant"]');
      await expect(answers).toHaveCount(2);
      await expect(answers.nth(0).getByTestId('tool-summary')).toHaveText('Used 1 tool');
      await answers.nth(0).getByTestId('tool-summary').click();
      await expect(answers.nth(0).getByTestId('tool-step')).toHaveAttribute('data-status', 'done');
      await expect(answers.nth(0).getByTestId('tool-step-result')).toContainText('Echo: hello from Brook');
      await answers.nth(1).getByTestId('tool-summary').click();
      await expect(answers.nth(1).getByTestId('tool-step')).toHaveAttribute('data-status', 'denied');
    };
    await page.reload();
    await page.getByTestId('conversation-item').first().click();
    await check();

    // The steps at both widths, in both languages and themes (settings apply live, no reload).
    const first = page.locator('[data-testid="message"][data-role="assistant"]').first();
    await first.getByTestId('tool-step').scrollIntoViewIfNeeded();
    for (const language of ['en', 'zh-CN'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await api.request('settings.update', { language, theme });
        await expect(first.getByTestId('tool-summary')).toHaveText(language === 'en' ? 'Used 1 tool' : '使用了 1 个工具');
        for (const width of [420, 1280]) {
          await page.setViewportSize({ width, height: 820 });
          // At 420 px the sidebar may cover the chat: choosing the conversation closes it.
          const item = page.getByTestId('conversation-item').first();
          if (width < 600 && (await item.isVisible())) await item.click();
          await first.getByTestId('tool-step').scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/done-${width}-${language}-${theme}.png` });
        }
      }
    }
  } finally {
    api.ws.close();
  }
});
