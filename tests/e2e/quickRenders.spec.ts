import { addFixtureProvider, expect, test } from './support/appFixtures';
import { quickUrl, ask } from './support/quickPage';

/** One token every 50 ms: each reaches the window as its own delta (the core batches ~16 ms). */
const SLOW_TOKENS = Array.from({ length: 40 }, (_, i) => `word${i} `);

/**
 * Counts, for each watched part of the window, the React renders that happened while the
 * answer streamed. React DOM gives an element a new props object (`__reactProps$…`) each time
 * the component that creates it renders, even when nothing in it changed; that is what a
 * wasted render leaves behind, where the DOM itself shows nothing. Checked after every
 * change of the answer's text (one per delta), until the answer is no longer streaming.
 * A string, because it runs in the page (these tests compile without DOM types).
 */
const COUNT_RENDERS = `(() => {
  const watched = {
    window: '[data-testid="quick-root"]',
    topBar: '.quick-bar',
    modelPicker: '[data-testid="quick-model-picker"]',
    actions: '.quick-actions',
    questionBox: '.quick-input',
    questionText: 'textarea[data-testid="quick-input"]',
    // The row of the streaming answer: it must re-render, which shows the count can see renders.
    answerRow: '[data-testid="quick-answer"]',
  };
  const props = (el) => {
    const key = el && Object.keys(el).find((k) => k.startsWith('__reactProps$'));
    return key ? el[key] : null;
  };
  const state = { deltas: 0, renders: {} };
  window.__renders = state;
  let last = {};
  let lastText = '';
  const snapshot = () => {
    const now = {};
    for (const [name, selector] of Object.entries(watched)) now[name] = props(document.querySelector(selector));
    return now;
  };
  last = snapshot();
  const answer = () => document.querySelector('[data-testid="quick-answer"]');
  const observer = new MutationObserver(() => {
    const row = answer();
    const text = row?.querySelector('[data-testid="message-content"]')?.textContent ?? '';
    const now = snapshot();
    if (row?.dataset.status === 'streaming' && text !== lastText) {
      state.deltas++;
      for (const name of Object.keys(watched)) if (now[name] !== last[name]) state.renders[name] = (state.renders[name] ?? 0) + 1;
    }
    if (row?.dataset.status !== 'streaming') observer.disconnect();
    lastText = text;
    last = now;
  });
  observer.observe(document.querySelector('[data-testid="quick-root"]'), { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

interface RenderCounts {
  deltas: number;
  renders: Record<string, number>;
}

test('quick ask: a streamed delta re-renders only the streaming answer, not the window around it', async ({ page, context, brook, openai }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(brook.url).origin });
  await page.goto(brook.url);
  await addFixtureProvider(page, openai.url);
  await page.setViewportSize({ width: 680, height: 460 });
  await page.goto(quickUrl(brook.url));
  await expect(page.getByTestId('quick-input')).toBeFocused();

  // A first answer, so the conversation, its title and the actions under it are in place.
  await ask(page, 'A first question');
  const answer = page.getByTestId('quick-answer');
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer.getByTestId('message-content')).toHaveText('You said: A first question');

  openai.setScenario({ kind: 'answer', tokens: SLOW_TOKENS, tokensPerSecond: 20 });
  await ask(page, 'A slow follow-up');
  await expect(answer).toHaveAttribute('data-status', 'streaming');
  await expect(answer.getByTestId('message-content')).toContainText('word1 ');
  await page.evaluate(COUNT_RENDERS);
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer.getByTestId('message-content')).toHaveText(SLOW_TOKENS.join('').trim());

  const counts = (await page.evaluate('window.__renders')) as RenderCounts;
  expect(counts.deltas).toBeGreaterThan(20);
  // The streaming answer's row re-rendered with its text: the count does see renders.
  expect(counts.renders.answerRow ?? 0).toBeGreaterThan(20);
  const { answerRow: _answerRow, ...rest } = counts.renders;
  expect(rest).toEqual({});

  // Copy reads the answer when clicked (the actions no longer hold it): the whole, finished text.
  await page.getByTestId('quick-copy').click();
  await expect(page.getByTestId('quick-copy')).toHaveText('Copied');
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(SLOW_TOKENS.join(''));
});
