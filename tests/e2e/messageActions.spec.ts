import type { Page } from '@playwright/test';
import { addFixtureProvider, expect, lastAssistant, send, test } from './support/appFixtures';

function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() =>
    (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
  );
}

test('message actions: copy as Markdown and as plain text, quote into the composer, full date on hover', async ({ page, context, brook, openai }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(brook.url).origin });
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, 'a **bold** claim\n\n## and a heading');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'done');

  await answer.hover();
  await answer.getByTestId('copy-message').click();
  await expect(answer.getByTestId('copy-message')).toHaveAttribute('aria-label', 'Copied');
  expect(await readClipboard(page)).toBe('You said: a **bold** claim\n\n## and a heading');

  // By keyboard: the menu opens with ArrowDown, nothing runs until Enter.
  await answer.getByTestId('message-more').focus();
  await page.keyboard.press('ArrowDown');
  await expect(answer.getByTestId('message-more-menu')).toBeVisible();
  await expect(answer.getByTestId('message-more-copy-plain')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(answer.getByTestId('message-more-menu')).toHaveCount(0);
  await expect(answer.getByTestId('message-more')).toBeFocused();
  await expect.poll(() => readClipboard(page)).toBe('You said: a bold claim\n\nand a heading');

  await page.getByTestId('composer-input').fill('my reply');
  await answer.getByTestId('message-more').click();
  await answer.getByTestId('message-more-quote').click();
  await expect(page.getByTestId('composer-input')).toHaveValue('> You said: a **bold** claim\n>\n> ## and a heading\n\nmy reply');
  await expect(page.getByTestId('composer-input')).toBeFocused();

  // Escape closes the menu and leaves the composer's text alone.
  await answer.getByTestId('message-more').click();
  await page.keyboard.press('Escape');
  await expect(answer.getByTestId('message-more-menu')).toHaveCount(0);

  const time = answer.getByTestId('message-time');
  const year = String(new Date().getFullYear());
  await expect(time).toHaveAttribute('title', new RegExp(year));
  await expect(time).toHaveAttribute('title', /\d{1,2}:\d{2}:\d{2}/);
});

test('reasoning streams open, then folds when the answer starts', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  openai.setScenario({
    kind: 'answer',
    reasoning: 'First I weigh the water, then the stones, then the slope of the bed, and only then do I answer.',
    text: 'Brooks babble because water meets stones.',
    tokensPerSecond: 8,
  });
  try {
    await page.getByTestId('new-chat').click();
    await send(page, 'why do brooks babble?');
    const answer = lastAssistant(page);
    const body = answer.getByTestId('thinking').locator('.thinking__body');
    await expect(body).toContainText('First I weigh');
    await expect(answer).toHaveAttribute('data-status', 'streaming');
    await expect(answer.getByTestId('message-content')).toContainText('Brooks');
    await expect(body).toHaveCount(0);
    await expect(answer).toHaveAttribute('data-status', 'done');
  } finally {
    openai.setScenario(null);
  }
});

test('delete a message: the confirmation says what goes and what stays; its replies go, its other versions stay', async ({ page, brook, openai }) => {
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.getByTestId('new-chat').click();
  await send(page, 'first question');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  await send(page, 'second question');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  // A second version of the last answer: ‹ 2/2 ›.
  await lastAssistant(page).hover();
  await lastAssistant(page).getByTestId('regenerate').click();
  await expect(lastAssistant(page).getByTestId('branch-position')).toHaveText('2/2');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'done');
  const messages = page.getByTestId('message');
  await expect(messages).toHaveCount(4);

  // The shown answer has a sibling: it goes alone, the other version is shown.
  await lastAssistant(page).getByTestId('message-more').click();
  await lastAssistant(page).getByTestId('message-more-delete').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Only this message will be deleted.');
  await expect(dialog).toContainText('Its other versions (1) stay');
  await expect(dialog).toContainText('This cannot be undone.');
  await page.getByTestId('confirm-ok').click();
  await expect(messages).toHaveCount(4);
  await expect(lastAssistant(page).getByTestId('branch-switcher')).toHaveCount(0);

  // The second question with its answer below: both go; Cancel first removes nothing.
  const second = messages.nth(2);
  await second.hover();
  await second.getByTestId('message-more').click();
  await second.getByTestId('message-more-delete').click();
  await expect(dialog).toContainText('(1 more shown)');
  await page.getByTestId('confirm-cancel').click();
  await expect(messages).toHaveCount(4);
  await second.getByTestId('message-more').click();
  await second.getByTestId('message-more-delete').click();
  await page.getByTestId('confirm-ok').click();
  await expect(messages).toHaveCount(2);
  await expect(messages.first()).toContainText('first question');

  // After a reload the history agrees.
  await page.reload();
  await page.getByTestId('conversation-item').first().click();
  await expect(page.getByTestId('message')).toHaveCount(2);
  await expect(page.getByTestId('message').first()).toContainText('first question');
});
