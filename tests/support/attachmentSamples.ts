import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { ATTACHMENT_PART_BYTES, type Attachment } from '../../src/shared/attachments';
import type { RequestArgs, RequestName, RequestResult } from '../../src/shared/contract';

type Call = <K extends RequestName>(name: K, args: RequestArgs<K>) => Promise<RequestResult<K>>;

/** A PDF with a real text layer, one line per page. */
export async function textPdf(pages: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of pages) pdf.addPage([400, 300]).drawText(line, { x: 30, y: 200, size: 14, font });
  return Buffer.from(await pdf.save());
}

/** A PDF like a scan: pages with only shapes (a picture of text), no text layer. */
export async function scannedPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([400, 300]);
  page.drawRectangle({ x: 20, y: 20, width: 360, height: 260, color: rgb(0.9, 0.9, 0.85) });
  for (let y = 250; y > 40; y -= 20) page.drawRectangle({ x: 40, y, width: 300, height: 6, color: rgb(0.2, 0.2, 0.2) });
  return Buffer.from(await pdf.save());
}

export async function docxFile(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

export function pngImage(width: number, height: number, alpha = false): Promise<Buffer> {
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 80, b: 40, alpha: alpha ? 0.5 : 1 } } })
    .png()
    .toBuffer();
}

export function jpegImage(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Uploads a file the way a window does: begin, parts of ATTACHMENT_PART_BYTES in base64, finish. */
export async function upload(call: Call, name: string, bytes: Buffer): Promise<Attachment> {
  const { uploadId } = await call('attachments.begin', { name, size: bytes.length });
  for (let index = 0, offset = 0; offset < bytes.length || index === 0; index++, offset += ATTACHMENT_PART_BYTES) {
    await call('attachments.part', { uploadId, index, data: bytes.subarray(offset, offset + ATTACHMENT_PART_BYTES).toString('base64') });
  }
  return call('attachments.finish', { uploadId });
}
