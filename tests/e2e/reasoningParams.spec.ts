import { startAnthropicFixture } from '../fixtures/anthropicServer';
import { addFixtureProvider, expect, lastAssistant, openSettingsAt, send, test } from './support/appFixtures';
import { addProvider } from './support/providerSetup';
import { chooseModel } from './support/modelPicker';
import { lastAnswerRequest } from './support/answerRequests';

const SHOTS = '/work/shots/ux1';

test('reasoning effort is offered only for a reasoning model and sent as reasoning_effort', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  // The catalog does not know "fixture-reasoner": the user says it reasons in the model manager.
  await openSettingsAt(page, 'providers');
  await page.getByTestId('provider-edit').click();
  const reasoner = page.locator('[data-testid="model-row"][data-model="fixture-reasoner"]');
  await reasoner.getByTestId('model-edit').click();
  await reasoner.getByTestId('model-cap-reasoning').check();
  await page.getByTestId('provider-save').click();
  await expect(page.getByTestId('provider-save')).toHaveCount(0);
  await page.getByTestId('close-settings').click();

  await page.getByTestId('new-chat').click();
  await send(page, 'first question');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  const dialog = page.getByTestId('params-dialog');
  // fixture-chat does not reason: no knob.
  await page.getByTestId('params-open').click();
  await expect(dialog.getByTestId('params-temperature')).toBeVisible();
  await expect(dialog.getByTestId('params-reasoningEffort')).toHaveCount(0);
  await expect(dialog.getByTestId('params-thinkingBudget')).toHaveCount(0);
  await dialog.getByTestId('params-cancel').click();

  await chooseModel(page, 'Fixture', 'fixture-reasoner');
  await page.getByTestId('params-open').click();
  const effort = dialog.getByTestId('params-reasoningEffort');
  await expect(effort).toHaveValue('');
  await effort.selectOption('high');
  await page.screenshot({ path: `${SHOTS}/params-effort-en.png` });
  await dialog.getByTestId('params-save').click();
  await expect(dialog).toHaveCount(0);

  await send(page, 'think hard');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  const body = lastAnswerRequest(openai.requests)?.body as { model: string; reasoning_effort?: string };
  expect(body.model).toBe('fixture-reasoner');
  expect(body.reasoning_effort).toBe('high');

  // Kept for the chat, but not sent to a model that does not reason.
  await chooseModel(page, 'Fixture', 'fixture-chat');
  await send(page, 'plain again');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  const plain = lastAnswerRequest(openai.requests)?.body as { model: string; reasoning_effort?: string };
  expect(plain.model).toBe('fixture-chat');
  expect(plain).not.toHaveProperty('reasoning_effort');
});

test('a thinking budget for an Anthropic reasoning model is checked, translated, and sent', async ({ page, brook }) => {
  const fixture = await startAnthropicFixture({ apiKey: 'sk-ant-e2e', models: ['claude-sonnet-4-5', 'claude-3-5-haiku'] });
  try {
    fixture.setScenario({ kind: 'answer', text: 'A brook runs downhill.', thinking: 'Water flows down.' });
    await page.goto(brook.url);
    await addProvider(page, { preset: 'anthropic', name: 'Claude fixture', baseUrl: fixture.url, model: 'claude-sonnet-4-5', apiKey: 'sk-ant-e2e' });
    await page.getByTestId('new-chat').click();
    await send(page, 'first question');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
    expect(lastAnswerRequest(fixture.requests)?.body).not.toHaveProperty('thinking');

    await page.getByTestId('params-open').click();
    const dialog = page.getByTestId('params-dialog');
    const budget = dialog.getByTestId('params-thinkingBudget');
    await budget.fill('500');
    await dialog.getByTestId('params-save').click();
    await expect(budget).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText('Enter a whole number of tokens from 1,024 to 128,000');
    await page.screenshot({ path: `${SHOTS}/params-budget-invalid-en.png` });
    await budget.fill('4096');
    await dialog.getByTestId('params-save').click();
    await expect(dialog).toHaveCount(0);

    await send(page, 'why do brooks babble?');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
    await expect(lastAssistant(page).getByTestId('thinking')).toBeVisible();
    const body = lastAnswerRequest(fixture.requests)?.body as { model: string; thinking?: { type: string; budget_tokens: number }; max_tokens: number };
    expect(body.model).toBe('claude-sonnet-4-5');
    expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 4096 });
    expect(body.max_tokens).toBeGreaterThan(4096);

    // In Chinese, the field and its validation message are translated.
    await openSettingsAt(page, 'general');
    await page.getByTestId('language-select').selectOption('zh-CN');
    await page.getByTestId('close-settings').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByTestId('params-open').click();
    await expect(budget).toHaveValue('4096');
    await expect(dialog).toContainText('思考预算');
    await budget.fill('200000');
    await dialog.getByTestId('params-save').click();
    await expect(dialog).toContainText('请输入 1,024 到 128,000 之间的整数 token 数');
    await page.screenshot({ path: `${SHOTS}/params-budget-zh.png` });
    await page.setViewportSize({ width: 420, height: 800 });
    await expect(budget).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/params-budget-zh-420.png` });
  } finally {
    await fixture.close();
  }
});
