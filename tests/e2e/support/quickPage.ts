import type { Page } from '@playwright/test';

/** The quick-ask view of the same server: `<base>/quick.html#token=…`. */
export function quickUrl(brookUrl: string): string {
  const url = new URL(brookUrl);
  return `${url.origin}/quick.html${url.hash}`;
}

/** Types a question into the quick-ask box and sends it. */
export async function ask(page: Page, text: string): Promise<void> {
  await page.getByTestId('quick-input').fill(text);
  await page.getByTestId('quick-input').press('Enter');
}
