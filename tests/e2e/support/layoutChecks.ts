import type { Locator, Page } from '@playwright/test';

/**
 * Elements that stick out of the window sideways. An element inside a box that clips or scrolls
 * sideways (a table's scroller, an ellipsis title) counts only if that box itself sticks out.
 * Returns short descriptions, so a failure says what is off screen. A string, because this file
 * is compiled without the DOM library.
 */
const OVERFLOW_SCRIPT = `(() => {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let parent = el.parentElement; parent; parent = parent.parentElement) {
      if (parent === document.body || parent === document.documentElement) return false;
      if (getComputedStyle(parent).overflowX !== 'visible') return true;
    }
    return false;
  };
  const out = [];
  if (document.documentElement.scrollWidth > width + 1) out.push('page is ' + document.documentElement.scrollWidth + 'px wide');
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if ((rect.right > width + 1 || rect.left < -1) && !clipped(el)) {
      const id = el.getAttribute('data-testid') || String(el.className);
      out.push(el.tagName.toLowerCase() + '.' + id + ' [' + Math.round(rect.left) + ', ' + Math.round(rect.right) + '] of ' + width);
    }
  }
  return out.slice(0, 10);
})()`;

export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(OVERFLOW_SCRIPT);
}

/** How many lines an element's text takes (built from a string: no DOM library here). */
const countLines = new Function(
  'el',
  `const range = document.createRange();
   range.selectNodeContents(el);
   return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;`,
) as (el: unknown) => number;

export function textLines(locator: Locator): Promise<number> {
  return locator.evaluate(countLines);
}

/** Screenshots for people to look at, only when BROOK_SHOTS_DIR is set (never part of the result). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.BROOK_SHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}
