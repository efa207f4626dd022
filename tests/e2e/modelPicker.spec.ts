import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';
import { horizontalOverflow, shot } from './support/layoutChecks';
import { chooseModel, expectModel, modelOptions } from './support/modelPicker';
import type { OpenAIFixture } from '../fixtures/openaiServer';

/** The model the fixture was asked to answer `question` with (the fixture is shared, so found by the question). */
function modelAskedFor(openai: OpenAIFixture, question: string): string | undefined {
  const asked = openai.requests.filter((r) => {
    const messages = (r.body as { messages?: { content?: unknown }[] } | undefined)?.messages;
    return messages?.at(-1)?.content === question;
  });
  return (asked.at(-1)?.body as { model?: string } | undefined)?.model;
}

test('the header picker shows the model truthfully, for a draft chat too, even after a reload and while answering', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  const picker = page.getByTestId('model-picker');
  await expectModel(page, 'Fixture', 'fixture-chat');
  await page.reload();
  await expectModel(page, 'Fixture', 'fixture-chat');
  await expect(picker).not.toContainText('Choose a model');

  // Picked by mouse before the chat exists: the first answer comes from it, and the header says so while it answers.
  await chooseModel(page, 'Fixture', 'fixture-reasoner');
  await expect(picker).toBeFocused();
  await send(page, '/slow which model are you?');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'streaming');
  await expectModel(page, 'Fixture', 'fixture-reasoner');
  await expect(picker).toHaveAttribute('data-answering', 'true');

  // A new choice while it answers is for the next answer: the header keeps naming the one answering, and says what comes next.
  await chooseModel(page, 'Fixture', 'fixture-chat');
  await expectModel(page, 'Fixture', 'fixture-reasoner');
  await expect(picker).toHaveAttribute('title', /fixture-reasoner.*next answer uses Fixture · fixture-chat/);
  await shot(page, 'picker-answering');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expectModel(page, 'Fixture', 'fixture-chat');
  await expect(picker).not.toHaveAttribute('data-answering', 'true');
  expect(modelAskedFor(openai, '/slow which model are you?')).toBe('fixture-reasoner');

  await send(page, 'and now?');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  expect(modelAskedFor(openai, 'and now?')).toBe('fixture-chat');
});

test('the picker is driven by the keyboard: arrows, Home, End, typing to filter, Enter, Escape', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  const picker = page.getByTestId('model-picker');
  const popover = page.getByTestId('model-picker-popover');
  const search = page.getByTestId('model-picker-search');
  // Read through expect.poll: the highlight follows a key in React's next render, which a loaded
  // machine can leave for after the key press resolves.
  const active = async () => {
    const id = await search.getAttribute('aria-activedescendant');
    return page.locator(`[id="${id}"]`).getAttribute('data-model');
  };

  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await expect(search).toBeFocused();
  await expect(search).toHaveAttribute('role', 'combobox');
  await expect(popover.getByRole('listbox')).toBeVisible();
  await expect(popover.getByRole('group', { name: 'Fixture' })).toBeVisible();
  // It opens on the current model, marked as selected.
  await expect.poll(active).toBe('fixture-chat');
  await expect(modelOptions(page).and(page.locator('[aria-selected="true"]'))).toHaveAttribute('data-model', 'fixture-chat');
  // The catalog knows nothing of fixture models; the list only shows what was ticked.
  await expect(modelOptions(page)).toHaveCount(2);

  // In the order they were ticked: fixture-reasoner, then fixture-chat.
  await page.keyboard.press('Home');
  await expect.poll(active).toBe('fixture-reasoner');
  await page.keyboard.press('End');
  await expect.poll(active).toBe('fixture-chat');
  await page.keyboard.press('ArrowDown'); // wraps to the first
  await expect.poll(active).toBe('fixture-reasoner');
  await page.keyboard.press('ArrowUp'); // and back to the last
  await expect.poll(active).toBe('fixture-chat');
  await page.keyboard.press('ArrowUp');
  await expect.poll(active).toBe('fixture-reasoner');

  // Escape closes without choosing, and focus goes back to the button.
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(picker).toBeFocused();
  await expectModel(page, 'Fixture', 'fixture-chat');

  // Typing on the button opens the search with that letter; the list narrows as you type.
  await page.keyboard.type('reas');
  await expect(search).toHaveValue('reas');
  await expect(modelOptions(page)).toHaveCount(1);
  await page.keyboard.type('zzz');
  await expect(modelOptions(page)).toHaveCount(0);
  await expect(page.getByTestId('model-picker-empty')).toHaveText('No model matches “reaszzz”');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(popover).toHaveCount(0);
  await expect(picker).toBeFocused();
  await expectModel(page, 'Fixture', 'fixture-reasoner');

  // The mouse: hovering highlights, clicking outside closes without a choice.
  await picker.click();
  await modelOptions(page).last().hover();
  await expect.poll(active).toBe('fixture-chat');
  await page.getByTestId('composer-input').click();
  await expect(popover).toHaveCount(0);
  await expectModel(page, 'Fixture', 'fixture-reasoner');

  // Escape in the open list does not stop a streaming answer (it only closes the list).
  await send(page, '/slow take your time');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'streaming');
  await picker.click();
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'streaming');
  await page.getByTestId('stop').click();
});

test('at 420 px and in Chinese the open picker stays on screen', async ({ page, brook, openai }) => {
  await page.setViewportSize({ width: 420, height: 760 });
  await page.goto(brook.url);
  await page.getByTestId('sidebar-toggle-header').click();
  await addFixtureProvider(page, openai.url);
  await openSettingsAt(page, 'general');
  await page.getByTestId('language-select').selectOption('zh-CN');
  await page.getByTestId('close-settings').click();
  // New chat folds the list away on a narrow window.
  await page.getByTestId('new-chat').click();
  await page.getByTestId('model-picker').click();
  const popover = page.getByTestId('model-picker-popover');
  await expect(page.getByTestId('model-picker-search')).toHaveAttribute('placeholder', '搜索模型');
  const box = (await popover.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(420);
  expect(box.y + box.height).toBeLessThanOrEqual(760);
  expect(await horizontalOverflow(page)).toEqual([]);
  await modelOptions(page).first().click();
  await expectModel(page, 'Fixture', 'fixture-reasoner');
});

test('the picker keeps the focus when the new chat it was opened in gets its id', async ({ page, brook, openai }) => {
  // The chat's creation is held on its way back, so the picker is open before the id arrives,
  // as on a loaded machine.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let createAsked!: () => void;
  const asked = new Promise<void>((r) => (createAsked = r));
  const createIds = new Set<number>();
  await page.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id: number; name: string };
      if (frame.name === 'conversations.create') {
        createIds.add(frame.id);
        createAsked();
      }
      server.send(message);
    });
    server.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { kind?: string; id?: number };
      if (frame.kind === 'response' && createIds.has(frame.id!)) void held.then(() => ws.send(message));
      else ws.send(message);
    });
  });
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await asked;
  await page.getByTestId('model-picker').focus();
  await page.keyboard.press('ArrowDown');
  const search = page.getByTestId('model-picker-search');
  await expect(search).toBeFocused();

  release();
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
  await expect(search).toBeFocused();
  await page.screenshot({ path: 'test-results/e2e/picker-focus-kept.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('model-picker')).toBeFocused();
});
