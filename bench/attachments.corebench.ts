/**
 * Drop to stored: a 20 MB PDF (300 pages of text plus a large scanned-like image) and a
 * 12-megapixel photo, uploaded through the contract the way a window does (2 MB base64 parts),
 * into a real core on a temporary folder. Prints the time to the stored attachment (the chip),
 * to the extracted text, the photo's thumbnail and its resize for Anthropic, and the main
 * thread's event-loop delay meanwhile (what a window would feel as stutter). Printed, never
 * asserted.
 *
 *   npm run bench:attachments
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { test } from 'vitest';
import { createCore } from '../src/main/core/app/createCore';
import { defaultState, FileSecretStore } from '../src/main/core/settings';
import { ATTACHMENT_MAX_FILE_BYTES } from '../src/shared/attachments';
import { requests, type RequestArgs, type RequestName, type RequestResult } from '../src/shared/contract';
import { upload } from '../tests/support/attachmentSamples';
import { bigPdf, twelveMegapixelPhoto } from './bigAttachments';

test('attachments: drop to stored', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-bench-attach-'));
  const core = createCore({
    dataDir,
    settingsBackend: { store: { ...defaultState() } },
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: 'bench', systemLocale: 'en-US' },
    autoTitle: false,
  });
  const call = async <K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> =>
    (core.handlers[name] as (a: never) => Promise<RequestResult<K>>)(requests[name].args.parse(args) as never);
  const extracted = new Map<string, number>();
  core.bus.on((name, payload) => {
    if (name === 'attachments.updated') {
      const a = payload as { id: string; extraction: { state: string } };
      if (a.extraction.state !== 'running' && a.extraction.state !== 'pending') extracted.set(a.id, performance.now());
    }
  });
  const lag = monitorEventLoopDelay({ resolution: 5 });
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  try {
    const pdf = await bigPdf(ATTACHMENT_MAX_FILE_BYTES);
    const photo = await twelveMegapixelPhoto();

    lag.enable();
    let start = performance.now();
    const storedPdf = await upload(call, 'report.pdf', pdf);
    const pdfStored = performance.now() - start;
    while (!extracted.has(storedPdf.id)) await new Promise((r) => setTimeout(r, 20));
    const pdfText = extracted.get(storedPdf.id)! - start;
    lag.disable();
    const pdfLag = { p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 };
    lag.reset();

    lag.enable();
    start = performance.now();
    const storedPhoto = await upload(call, 'photo.jpg', photo);
    const photoStored = performance.now() - start;
    start = performance.now();
    await call('attachments.thumbnail', { id: storedPhoto.id, size: 'small' });
    const thumb = performance.now() - start;
    start = performance.now();
    await core.attachments.resized(storedPhoto.id, { maxSide: 1568, maxBytes: Math.floor(3.7 * 1024 * 1024), keepAlpha: false });
    const resize = performance.now() - start;
    lag.disable();

    const pages = (await call('attachments.get', { id: storedPdf.id })).extraction.pages;
    console.log(`\nPDF ${(pdf.length / 1048576).toFixed(1)} MB, ${pages} pages: stored (chip) ${ms(pdfStored)}, text extracted ${ms(pdfText)} after drop`);
    console.log(`  main-thread event-loop delay meanwhile: p50 ${pdfLag.p50.toFixed(1)} ms, p99 ${pdfLag.p99.toFixed(1)} ms, max ${pdfLag.max.toFixed(1)} ms`);
    console.log(`Photo 4000×3000 JPEG ${(photo.length / 1048576).toFixed(1)} MB: stored (chip) ${ms(photoStored)}, thumbnail ${ms(thumb)}, fitted for Anthropic ${ms(resize)}`);
    console.log(`  main-thread event-loop delay meanwhile: p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms\n`);
  } finally {
    await core.shutdown();
  }
});
