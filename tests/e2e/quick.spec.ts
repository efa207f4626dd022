import type { Page } from '@playwright/test';
import { scenarioForMessage } from '../fixtures/openaiServer';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';
import { chooseModel, expectModel, modelOptions } from './support/modelPicker';
import { quickUrl, ask } from './support/quickPage';

const QUICK_WINDOW = { width: 680, height: 460 };
const SLOW_QUESTION = '/slow tell me about brooks';
const SLOW_ANSWER = scenarioForMessage(SLOW_QUESTION).text ?? '';

/**
 * Records, from the first paint on, each text the main view's last answer shows: a duplicate
 * would show up here. A string, because it runs in the page (these tests compile without DOM types).
 */
const RECORD_ANSWER_TEXTS = `(() => {
  if (location.pathname.endsWith('quick.html')) return;
  const seen = [];
  window.__answerTexts = seen;
  const look = () => {
    const answers = document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
    const text = answers[answers.length - 1]?.querySelector('[data-testid="message-content"]')?.textContent ?? '';
    if (text !== '' && text !== seen[seen.length - 1]) seen.push(text);
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

test('quick ask: streams, follows up, and hands a live answer to the main view exactly once', async ({ page, brook, openai }) => {
  test.setTimeout(120_000);
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  // An ordinary chat first, so the sidebar filter has something to leave out.
  await page.getByTestId('new-chat').click();
  await send(page, 'An ordinary chat');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');

  await page.setViewportSize(QUICK_WINDOW);
  await page.goto(quickUrl(brook.url));
  await expect(page.getByTestId('quick-root')).toBeVisible();
  await expect(page.getByTestId('quick-input')).toBeFocused();
  await expectModel(page, 'Fixture', 'fixture-chat', 'quick-model-picker');
  await expect(page.getByTestId('quick-pin')).toHaveCount(0); // desktop only
  await page.screenshot({ path: 'test-results/e2e/quick-empty.png' });

  // First question: reasoning, then the answer, with the same Thinking block as the main window.
  await ask(page, '/reason why do brooks babble?');
  const answer = page.getByTestId('quick-answer');
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer.getByTestId('thinking')).toBeVisible();
  await expect(answer.getByTestId('message-content')).toHaveText(scenarioForMessage('/reason').text ?? '');
  await expect(page.getByTestId('quick-copy')).toBeEnabled();

  // A follow-up continues the same conversation.
  await ask(page, 'And a follow-up');
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveCount(2);
  await expect(answer.getByTestId('message-content')).toHaveText('You said: And a follow-up');
  await expect(answer).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: 'test-results/e2e/quick-follow-up.png' });

  // A slow answer, watched while it grows, then handed over mid-stream.
  await ask(page, SLOW_QUESTION);
  await expect(answer).toHaveAttribute('data-status', 'streaming');
  await expect(page.getByTestId('quick-stop')).toBeVisible();
  const quickContent = answer.getByTestId('message-content');
  await expect(quickContent).toContainText('The brook keeps flowing');
  const first = (await quickContent.textContent()) ?? '';
  await expect.poll(async () => ((await quickContent.textContent()) ?? '').length).toBeGreaterThan(first.length + 20);
  await page.screenshot({ path: 'test-results/e2e/quick-streaming.png' });
  const handedOver = ((await quickContent.textContent()) ?? '').length;
  expect(SLOW_ANSWER.startsWith((await quickContent.textContent()) ?? '')).toBe(true);

  await page.addInitScript({ content: RECORD_ANSWER_TEXTS });
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.getByTestId('quick-continue').click();
  await page.waitForURL((url) => url.pathname === '/');
  expect(new URL(page.url()).hash).toBe(''); // the link is consumed

  const main = lastAssistant(page);
  await expect(main).toHaveAttribute('data-status', 'streaming');
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveCount(3);
  await expect(page.getByTestId('stop')).toBeVisible();
  const mainContent = main.getByTestId('message-content');
  const atHandover = ((await mainContent.textContent()) ?? '').length;
  await expect.poll(async () => ((await mainContent.textContent()) ?? '').length).toBeGreaterThan(atHandover + 20);
  await page.screenshot({ path: 'test-results/e2e/quick-handoff-main.png' });

  await expect(main).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  expect(await mainContent.textContent()).toBe(SLOW_ANSWER);
  expect(await mainContent.innerText()).toBe(SLOW_ANSWER);

  // What the main view showed, from its first paint: the buffered text at once, then only growth.
  const texts = await page.evaluate(() => (globalThis as { __answerTexts?: string[] }).__answerTexts ?? []);
  expect(texts.length).toBeGreaterThan(5);
  // (The history's checkpoint, at most half a second old, may paint for a moment before the buffer.)
  expect(texts.slice(0, 2).some((t) => t.length >= handedOver)).toBe(true);
  for (const text of texts) expect(SLOW_ANSWER.startsWith(text), text.slice(-80)).toBe(true);
  for (let i = 1; i < texts.length; i++) expect(texts[i]!.length).toBeGreaterThan(texts[i - 1]!.length);

  // The sidebar marks the quick ask and filters to it.
  const active = page.locator('[data-testid="conversation-item"][data-active="true"]');
  await expect(active).toHaveAttribute('data-origin', 'quick');
  await expect(active.getByTestId('quick-marker')).toBeVisible();
  await expect(page.getByTestId('conversation-item')).toHaveCount(2);
  await page.getByTestId('sidebar-filter-quick').click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
  await expect(page.getByTestId('conversation-item')).toHaveAttribute('data-active', 'true');
  await page.screenshot({ path: 'test-results/e2e/quick-main-done.png' });
  await page.getByTestId('sidebar-filter-all').click();
  await expect(page.getByTestId('conversation-item')).toHaveCount(2);
});

test('a quick ask started in another tab appears in the main sidebar live', async ({ page, context, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  const quick = await context.newPage();
  await quick.setViewportSize(QUICK_WINDOW);
  await quick.goto(quickUrl(brook.url));
  await ask(quick, 'Hello from the other window');
  await expect(quick.getByTestId('quick-answer')).toHaveAttribute('data-status', 'done');

  const item = page.getByTestId('conversation-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-origin', 'quick');
  await expect(item).toContainText('Hello from the other window');
  // With it open here, a follow-up asked over there shows up here, question and answer.
  await item.click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await ask(quick, 'A follow-up from over there');
  await expect(page.locator('[data-testid="message"][data-role="user"]').last().getByTestId('message-content')).toHaveText('A follow-up from over there');
  await expect(lastAssistant(page).getByTestId('message-content')).toHaveText('You said: A follow-up from over there');
  await expect(page.locator('[data-testid="message"]')).toHaveCount(4);
  // "New" starts over; the next question is a second quick ask.
  await quick.getByTestId('quick-new').click();
  await expect(quick.getByTestId('quick-input')).toBeFocused();
  await expect(quick.getByTestId('quick-answer')).toHaveCount(0);
  await ask(quick, 'A second question');
  await expect(item).toHaveCount(2);
  await quick.close();
});

test('model images are never loaded, only offered as links; the strict CSP blocks nothing of ours', async ({ page, brook, openai }) => {
  const remote: string[] = [];
  const cspErrors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(new URL(brook.url).origin)) remote.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  openai.setScenario({ kind: 'answer', text: 'Here: ![the chart](https://images.example.org/leak?q=secret) done.' });
  try {
    await page.setViewportSize(QUICK_WINDOW);
    await page.goto(quickUrl(brook.url));
    await ask(page, 'show me an image');
    const answer = page.getByTestId('quick-answer');
    await expect(answer).toHaveAttribute('data-status', 'done');
    const link = answer.getByTestId('markdown-image');
    await expect(link).toContainText('the chart');
    await expect(link).toContainText('images.example.org');
    await expect(link).toHaveAttribute('href', 'https://images.example.org/leak?q=secret');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(page.locator('img')).toHaveCount(0);
    expect(remote).toEqual([]);
    // `connect-src 'self'` covers the same-origin ws:// of browser mode (CSP3).
    expect(cspErrors).toEqual([]);
    await page.screenshot({ path: 'test-results/e2e/quick-image-link-dark.png' });
  } finally {
    openai.setScenario(null);
  }
});

test('settings: quick-ask section in browser mode, in Chinese', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await openSettingsAt(page, 'general');
  await page.getByTestId('language-select').selectOption('zh-CN');
  await page.getByTestId('settings-nav-quickAsk').click();
  const dialog = page.getByTestId('settings-dialog');
  for (const id of ['quick-shortcut-input', 'quick-prefill-toggle', 'close-to-tray-toggle', 'open-at-login-toggle']) {
    await expect(dialog.getByTestId(id)).toBeDisabled();
  }
  await expect(dialog.getByTestId('quick-shortcut-status')).toHaveAttribute('data-state', 'unavailable');
  await expect(dialog.getByTestId('desktop-only-note')).toContainText(/[\u4e00-\u9fff]/);
  // The quick model applies in browser mode too, and the quick view picks it up.
  await expect(dialog.getByTestId('quick-model-select')).toBeEnabled();
  // The pickers list the models ticked in the provider's model manager.
  await dialog.getByTestId('quick-model-select').click();
  await expect(modelOptions(page, 'quick-model-select').and(page.locator('[data-model="fixture-reasoner"]'))).toHaveCount(1);
  await page.keyboard.press('Escape');
  await chooseModel(page, 'Fixture', 'fixture-reasoner', 'quick-model-select');
  await expectModel(dialog, 'Fixture', 'fixture-reasoner', 'quick-model-select');
  await dialog.getByTestId('quick-model-select').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/quick-settings.png' });
  await page.getByTestId('close-settings').click();

  await page.setViewportSize(QUICK_WINDOW);
  await page.goto(quickUrl(brook.url));
  await expectModel(page, 'Fixture', 'fixture-reasoner', 'quick-model-picker');
  await ask(page, '/reason 小溪为什么会唱歌？');
  await expect(page.getByTestId('quick-answer')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('quick-answer')).toContainText('fixture-reasoner');
  await page.screenshot({ path: 'test-results/e2e/quick-chinese.png' });
});

/**
 * Browser mode has no desktop shell, so its status is rewritten on the way to the page: the
 * default shortcut "refused" by the system, any other one accepted.
 */
async function simulateDesktop(page: Page, refused: string): Promise<void> {
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    const statusIds = new Set<number>();
    let shortcut = refused;
    const status = () => ({ available: true, shortcut: { accelerator: shortcut, registered: shortcut !== refused } });
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; name: string };
      if (frame.name === 'desktop.status') statusIds.add(frame.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const frame = JSON.parse(String(message)) as Record<string, unknown>;
      if (frame.kind === 'response' && statusIds.has(frame.id as number)) frame.value = status();
      if (frame.kind === 'event' && frame.name === 'settings.updated') {
        shortcut = (frame.payload as { quickAsk: { shortcut: string } }).quickAsk.shortcut;
      }
      if (frame.kind === 'event' && frame.name === 'desktop.statusChanged') frame.payload = status();
      ws.send(JSON.stringify(frame));
    });
  });
}

test('settings: record a shortcut; a refused one says so (desktop status simulated)', async ({ page, brook, openai }) => {
  await simulateDesktop(page, 'CommandOrControl+Shift+Space');
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await openSettingsAt(page, 'quickAsk');
  const dialog = page.getByTestId('settings-dialog');
  const status = dialog.getByTestId('quick-shortcut-status');
  await expect(status).toHaveAttribute('data-state', 'refused');
  await expect(status).toContainText('Ctrl+Shift+Space');
  await expect(dialog.getByTestId('close-to-tray-toggle')).toBeEnabled();
  await expect(dialog.getByTestId('desktop-only-note')).toHaveCount(0);

  const input = dialog.getByTestId('quick-shortcut-input');
  await input.click();
  await expect(input).toHaveAttribute('placeholder', 'Press the new shortcut…');
  await page.keyboard.press('a');
  await expect(dialog.getByTestId('quick-shortcut-error')).toBeVisible();
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/e2e/quick-settings-refused.png' });
  await page.keyboard.press('Escape'); // cancels recording, not the dialog
  await expect(dialog).toBeVisible();
  await expect(input).not.toBeFocused();
  await expect(dialog.getByTestId('quick-shortcut-error')).toHaveCount(0);
  await expect(input).toHaveValue('Ctrl+Shift+Space');

  await input.click();
  await page.keyboard.press('Control+Alt+K');
  await expect(input).toHaveAttribute('data-accelerator', 'CommandOrControl+Alt+K');
  await expect(input).toHaveValue('Ctrl+Alt+K');
  await expect(status).toHaveAttribute('data-state', 'registered');
  await expect(dialog.getByTestId('quick-shortcut-error')).toHaveCount(0);

  await dialog.getByTestId('close-to-tray-toggle').click();
  await expect(dialog.getByTestId('close-to-tray-toggle')).not.toBeChecked();
  await page.reload();
  await openSettingsAt(page, 'quickAsk');
  await expect(page.getByTestId('quick-shortcut-input')).toHaveValue('Ctrl+Alt+K');
  await expect(page.getByTestId('close-to-tray-toggle')).not.toBeChecked();
});
