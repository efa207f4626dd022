/**
 * The two large files the attachment benches drop: a PDF just under the per-file limit and a
 * 12-megapixel photo. Shared by attachments.corebench.ts (the core alone, in Node) and
 * attachFrames.bench.ts (the running app in a browser), so both measure the same bytes.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

async function textPages(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= 300; page++) {
    const p = pdf.addPage([595, 842]);
    for (let line = 0; line < 40; line++) p.drawText(`Page ${page}, line ${line}: the harbour report lists revenue by district.`, { x: 40, y: 800 - line * 19, size: 10, font });
  }
  return pdf;
}

/** 300 pages of text plus a noisy picture (what a scan is) sized so the file lands just under `maxBytes`. */
export async function bigPdf(maxBytes: number): Promise<Buffer> {
  const base = (await (await textPages()).save()).length;
  let bytesPerPixel = 0.9;
  for (;;) {
    const side = Math.ceil(Math.sqrt(Math.max(1, maxBytes * 0.97 - base) / bytesPerPixel));
    const noise = await sharp({ create: { width: side, height: side, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 80 } } }).jpeg({ quality: 95 }).toBuffer();
    if (base + noise.length > maxBytes) {
      bytesPerPixel = (noise.length / (side * side)) * 1.03;
      continue;
    }
    const pdf = await textPages();
    pdf.addPage([595, 842]).drawImage(await pdf.embedJpg(noise), { x: 0, y: 0, width: 595, height: 842 });
    return Buffer.from(await pdf.save());
  }
}

/** A 4000×3000 JPEG with noise in it, so it compresses like a real photo rather than a flat colour. */
export function twelveMegapixelPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).jpeg({ quality: 92 }).toBuffer();
}
