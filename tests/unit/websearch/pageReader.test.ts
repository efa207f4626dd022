import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractMainText, MAX_TEXT_CHARS } from '../../../src/main/core/websearch/extractText';
import { PageReader } from '../../../src/main/core/websearch/pageReader';
import { AppError } from '../../../src/shared/errors';
import { BROOKS_FACT, RIVERS_FACT, startWebPagesFixture, type WebPagesFixture } from '../../fixtures/webPagesServer';

let pages: WebPagesFixture;
beforeAll(async () => {
  pages = await startWebPagesFixture();
});
afterAll(() => pages.close());

const reader = (o: { timeoutMs?: number; maxBytes?: number } = {}) => new PageReader({ fetch, ...o });

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => null, (e: unknown) => e);
}

describe('PageReader', () => {
  it('extracts the main text and title, leaving navigation, footer and scripts out', async () => {
    const page = await reader().read(pages.page('/rivers'), new AbortController().signal);
    expect(page.title).toBe('Rivers of the World');
    expect(page.text).toContain(RIVERS_FACT);
    expect(page.text).toContain('The Nile');
    expect(page.text).not.toContain('__pageScriptRan');
    expect(page.text).not.toContain('HACKED');
    expect(page.text).not.toContain('About');
    // Paragraphs stay apart, so excerpts cut at paragraph ends.
    expect(page.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it('decodes Chinese text', async () => {
    const page = await reader().read(pages.page('/brooks'), new AbortController().signal);
    expect(page.text).toContain(BROOKS_FACT);
  });

  it('skips a page that is too slow, with the timeout as the reason', async () => {
    const err = await failure(reader({ timeoutMs: 300 }).read(pages.page('/slow'), new AbortController().signal));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ messageKey: 'errors.pageTimeout', params: { seconds: 1 } });
  });

  it('skips what is not HTML without downloading it', async () => {
    const err = await failure(reader().read(pages.page('/report.pdf'), new AbortController().signal));
    expect(err).toMatchObject({ messageKey: 'errors.pageNotHtml', params: { type: 'application/pdf' } });
  });

  it('stops downloading a huge page at the size cap and still reads what arrived', async () => {
    const cap = 512 * 1024;
    const page = await reader({ maxBytes: cap }).read(pages.page('/huge'), new AbortController().signal);
    expect(page.title).toBe('A Very Large Page');
    expect(page.text).toContain('Endless text about water.');
    expect(page.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    await expect.poll(() => pages.requests.find((r) => r.path === '/huge')?.closedEarly).toBe(true);
    // The server stopped long before its gigabyte: socket buffers hold a few MB at most.
    expect(pages.hugeBytesSent()).toBeLessThan(64 * 1024 * 1024);
  });

  it('rejects with the AbortError itself when stopped', async () => {
    const controller = new AbortController();
    const pending = failure(reader({ timeoutMs: 30_000 }).read(pages.page('/slow'), controller.signal));
    setTimeout(() => controller.abort(), 100);
    const err = await pending;
    expect(err).not.toBeInstanceOf(AppError);
    expect((err as Error).name).toBe('AbortError');
    await expect.poll(() => pages.requests.filter((r) => r.path === '/slow').at(-1)?.closedEarly).toBe(true);
  });
});

describe('extractMainText', () => {
  it('never keeps markup as text and falls back to the body for short pages', () => {
    const page = extractMainText('<html><body><p>Short <b>bold</b> note.</p><script>evil()</script></body></html>', 'example.com');
    expect(page.title).toBe('example.com');
    expect(page.text).toBe('Short bold note.');
  });
});
