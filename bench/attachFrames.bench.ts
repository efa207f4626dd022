/**
 * What the window feels while a large file goes in: a PDF just under the 20 MB limit and a
 * 12-megapixel photo are attached through the composer's file picker of the running app
 * (browser mode), one at a time, and the page's frame times and long tasks are recorded from
 * the moment the files reach the page until the chip is ready. Printed per phase: the upload
 * (window → core, in parts) and the extraction (text or thumbnail, in the core's workers), with
 * a stretch of the same page doing nothing as the reference for a loaded machine. Also the time
 * from the drop to the chip, to stored and to ready. Printed, never asserted.
 *
 *   npm run bench:attachframes
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';
import { ATTACHMENT_MAX_FILE_BYTES } from '../src/shared/attachments';
import { startBrook } from '../tests/e2e/support/brookProcess';
import { bigPdf, twelveMegapixelPhoto } from './bigAttachments';

const IDLE_MS = 3000;

// Injected before the app loads; it only observes. Frames and long tasks keep their start time
// so they can be split by phase; chip status changes are stamped on the same clock.
const RECORDER = `(() => {
  const r = (window.__attach = { recording: false, drop: 0, frames: [], longTasks: [], statuses: [] });
  let last = performance.now();
  const loop = (now) => { if (r.recording) r.frames.push([now, now - last]); last = now; requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (r.recording) r.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: false });
  // The picker's change event is the moment the files are in the page (the drop).
  document.addEventListener('change', () => { if (r.recording && !r.drop) r.drop = performance.now(); }, true);
  const seen = (el) => {
    if (!r.recording || !(el instanceof Element) || el.getAttribute('data-testid') !== 'pending-attachment') return;
    const status = el.getAttribute('data-status');
    const prev = r.statuses[r.statuses.length - 1];
    if (!prev || prev[1] !== status) r.statuses.push([performance.now(), status]);
  };
  new MutationObserver((records) => {
    for (const m of records) {
      if (m.type === 'attributes') seen(m.target);
      else for (const n of m.addedNodes) { seen(n); if (n instanceof Element) n.querySelectorAll('[data-testid="pending-attachment"]').forEach(seen); }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})()`;
const START = 'Object.assign(window.__attach, { recording: true, drop: 0, frames: [], longTasks: [], statuses: [] })';
const STOP = '(() => { const r = window.__attach; r.recording = false; return { drop: r.drop, frames: r.frames, longTasks: r.longTasks, statuses: r.statuses }; })()';

interface Recording {
  drop: number;
  frames: [number, number][];
  longTasks: [number, number][];
  statuses: [number, string][];
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (v: number) => (Number.isNaN(v) ? '—' : `${v.toFixed(0)} ms`);

/** Frames that ended and long tasks that started within [from, to). */
function phase(label: string, rec: Recording, from: number, to: number): string {
  const frames = rec.frames.filter(([t]) => t >= from && t < to).map(([, d]) => d);
  const tasks = rec.longTasks.filter(([t]) => t >= from && t < to).map(([, d]) => d);
  const over = tasks.filter((d) => d > 50);
  return `${label.padEnd(12)} ${ms(to - from).padStart(8)}  ${String(frames.length).padStart(5)} frames  p50 ${ms(pct(frames, 50)).padStart(6)}  p95 ${ms(pct(frames, 95)).padStart(7)}  max ${ms(Math.max(0, ...frames)).padStart(7)}  tasks > 50 ms ${String(over.length).padStart(3)}, longest ${ms(Math.max(0, ...tasks))}`;
}

async function idleReference(page: Page): Promise<string> {
  await page.evaluate(START);
  const from = (await page.evaluate('performance.now()')) as number;
  await page.waitForTimeout(IDLE_MS);
  const rec = (await page.evaluate(STOP)) as Recording;
  return phase('idle (ref)', rec, from, from + IDLE_MS);
}

/** Attaches one file through the paperclip's input and waits for its chip to be ready (or failed). */
async function attach(page: Page, path: string, label: string): Promise<string> {
  await page.getByTestId('new-chat').click();
  const idle = await idleReference(page);
  await page.evaluate(START);
  await page.getByTestId('composer-input-attach-input').setInputFiles(path);
  const chip = page.getByTestId('pending-attachment');
  await chip.and(page.locator('[data-status="ready"], [data-status="failed"]')).waitFor({ timeout: 15 * 60_000 });
  await page.waitForTimeout(500); // the frames right after: the thumbnail or icon lands and is painted
  const rec = (await page.evaluate(STOP)) as Recording;
  await chip.getByTestId('pending-attachment-remove').click();

  const at = (status: string) => rec.statuses.find(([, s]) => s === status)?.[0];
  const chipShown = rec.statuses[0]?.[0] ?? NaN;
  const end = at('ready') ?? at('failed') ?? NaN;
  // Stored: the first status after the upload (extracting, or ready when there is nothing to extract).
  const uploadEnd = rec.statuses.find(([t, s]) => t > chipShown && s !== 'reading' && s !== 'uploading')?.[0] ?? end;
  const after = (t: number) => ms(t - rec.drop);
  return [
    `\n== ${label} ==`,
    `statuses     ${rec.statuses.map(([t, s]) => `${s} +${(t - rec.drop).toFixed(0)}`).join(' → ')} ms after the drop`,
    `drop → chip ${after(chipShown)}, → stored ${after(uploadEnd)}, → ready ${after(end)}${at('failed') ? '  (FAILED)' : ''}`,
    `phase        duration  frames        p50         p95          max`,
    idle,
    phase('upload', rec, rec.drop, uploadEnd),
    // An image has nothing to extract: its chip is ready once stored.
    ...(end > uploadEnd ? [phase('extraction', rec, uploadEnd, end)] : []),
    phase('drop → ready', rec, rec.drop, end),
  ].join('\n');
}

test('frame times while a large PDF and a 12 MP photo are attached', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'brook-bench-attachframes-'));
  const pdf = await bigPdf(ATTACHMENT_MAX_FILE_BYTES);
  const photo = await twelveMegapixelPhoto();
  const pdfPath = join(dir, 'report.pdf');
  const photoPath = join(dir, 'photo.jpg');
  writeFileSync(pdfPath, pdf);
  writeFileSync(photoPath, photo);
  const brook = await startBrook();
  try {
    await page.addInitScript(RECORDER);
    await page.goto(brook.url);
    // A fresh Brook opens on its empty screen; the composer comes with the new conversation.
    await page.getByTestId('new-chat').waitFor();
    console.log(await attach(page, pdfPath, `PDF ${(pdf.length / 1048576).toFixed(1)} MB (300 pages of text and a full-page scan)`));
    console.log(await attach(page, photoPath, `Photo 4000×3000 JPEG ${(photo.length / 1048576).toFixed(1)} MB`));
    console.log('\n(aim: frame p95 ≤ 16.7 ms and no task over 50 ms while a file goes in; "idle" is the same page doing nothing)');
  } finally {
    await brook.stop();
  }
});
