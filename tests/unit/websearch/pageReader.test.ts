import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractMainText, MAX_TEXT_CHARS } from '../../../src/main/core/websearch/extractText';
import { PageReader } from '../../../src/main/core/websearch/pageReader';
import { isPrivateAddress } from '../../../src/main/core/net/privateAddress';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../../src/shared/errors';
import { BROOKS_FACT, RIVERS_FACT, startWebPagesFixture, type WebPagesFixture } from '../../fixtures/webPagesServer';

let pages: WebPagesFixture;
beforeAll(async () => {
  pages = await startWebPagesFixture();
});
afterAll(() => pages.close());

// The fixture pages are on 127.0.0.1, which only the "read local pages" setting allows.
const reader = (o: { timeoutMs?: number; maxBytes?: number } = {}) => new PageReader({ fetch, allowPrivateAddresses: true, ...o });

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

describe('pages on private addresses', () => {
  it('knows loopback, private, link-local, CGNAT and multicast addresses from public ones', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:192.168.0.1']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });

  it('skips a page on this computer unless the setting allows it, with the reason', async () => {
    const guarded = new PageReader({ fetch });
    const err = await failure(guarded.read(pages.page('/rivers'), new AbortController().signal));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).messageKey).toBe('errors.pagePrivateAddress');
    expect((err as AppError).params).toEqual({ host: '127.0.0.1' });
    const named = await failure(guarded.read('http://localhost:1/x', new AbortController().signal));
    expect((named as AppError).messageKey).toBe('errors.pagePrivateAddress');
  });

  it('checks every redirect: a public page cannot bounce Brook onto a private address', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: pages.page('/rivers') });
        res.end();
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      // "public.test" resolves to a public address; the test's fetch delivers it to the local server.
      const viaLocal: typeof fetch = (input, init) =>
        fetch(String(input).replace('http://public.test', `http://127.0.0.1:${port}`), init);
      const guarded = new PageReader({ fetch: viaLocal, lookup: async () => ['93.184.216.34'] });
      const err = await failure(guarded.read('http://public.test/moved', new AbortController().signal));
      expect((err as AppError).messageKey).toBe('errors.pagePrivateAddress');
      // Allowed, the same redirect is followed to the page.
      const open = new PageReader({ fetch: viaLocal, allowPrivateAddresses: true });
      expect((await open.read('http://public.test/moved', new AbortController().signal)).text).toContain(RIVERS_FACT);
    } finally {
      server.close();
    }
  });
});
