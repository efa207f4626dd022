import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Reading PDFs and DOCX files, decoding text and resizing images take from milliseconds to
 * seconds and block whatever thread runs them, so each runs in a worker thread. The worker is a
 * small script (like the integrity check's) that only calls the libraries — unpdf, mammoth,
 * sharp — and reports back; deciding what to keep, cut and store stays in the core's own code.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { task, file, options, modules } = workerData;
const progress = (done, total) => parentPort.postMessage({ type: 'progress', done, total });

async function pdf() {
  const { getDocumentProxy } = require(modules.unpdf);
  const doc = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => (item.str || '') + (item.hasEOL ? '\\n' : '')).join(''));
    progress(i, doc.numPages);
  }
  await doc.destroy();
  return { text: pages.join('\\n\\n'), pages: doc.numPages };
}

async function docx() {
  const mammoth = require(modules.mammoth);
  const result = await mammoth.extractRawText({ buffer: readFileSync(file) });
  return { text: result.value, pages: null };
}

function text() {
  const bytes = readFileSync(file);
  progress(0, bytes.length);
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) { encoding = 'utf-16le'; start = 2; }
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) { encoding = 'utf-16be'; start = 2; }
  const decoded = new TextDecoder(encoding).decode(bytes.subarray(start));
  progress(bytes.length, bytes.length);
  return { text: decoded, pages: null };
}

async function imageInfo() {
  const sharp = require(modules.sharp);
  const meta = await sharp(file).metadata();
  // EXIF orientations 5-8 are turned a quarter: the picture as shown is the other way round.
  const turned = (meta.orientation || 1) >= 5;
  return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height, format: meta.format };
}

/** Fits the image inside maxSide × maxSide and under maxBytes, trying lower quality, then smaller sizes. */
async function resize() {
  const sharp = require(modules.sharp);
  const meta = await sharp(file).metadata();
  const alpha = Boolean(meta.hasAlpha);
  let side = options.maxSide;
  for (let attempt = 0; attempt < 8; attempt++) {
    const quality = [85, 75, 65][Math.min(attempt, 2)];
    let pipeline = sharp(file, { animated: false }).rotate().resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
    pipeline = alpha && options.keepAlpha ? pipeline.png({ compressionLevel: 9 }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    if (data.length <= options.maxBytes || side <= 64) {
      return { data: data.toString('base64'), mime: info.format === 'png' ? 'image/png' : 'image/jpeg', width: info.width, height: info.height, bytes: data.length };
    }
    if (attempt >= 2) side = Math.floor(side * 0.75);
  }
  throw new Error('image could not be made small enough');
}

const tasks = { pdf, docx, text, imageInfo, resize };
Promise.resolve()
  .then(() => tasks[task]())
  .then((value) => parentPort.postMessage({ type: 'done', value }))
  .catch((err) => parentPort.postMessage({ type: 'failed', message: String((err && err.message) || err) }));
`;

export interface ExtractedText {
  text: string;
  pages: number | null;
}
export interface ImageInfo {
  width: number;
  height: number;
  format: string;
}
export interface ResizedImage {
  /** base64 */
  data: string;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: number;
}
export interface ResizeOptions {
  maxSide: number;
  maxBytes: number;
  /** PNG for images with transparency (thumbnails); JPEG on white otherwise. */
  keepAlpha: boolean;
}

interface TaskResults {
  pdf: ExtractedText;
  docx: ExtractedText;
  text: ExtractedText;
  imageInfo: ImageInfo;
  resize: ResizedImage;
}

type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; message: string };

let modules: Record<'unpdf' | 'mammoth' | 'sharp', string> | null = null;
function resolveModules(): Record<'unpdf' | 'mammoth' | 'sharp', string> {
  if (!modules) {
    const require = createRequire(import.meta.url);
    modules = { unpdf: require.resolve('unpdf'), mammoth: require.resolve('mammoth'), sharp: require.resolve('sharp') };
  }
  return modules;
}

const live = new Set<Worker>();

/** Runs one task on a file in a fresh worker thread; `onProgress` hears PDF pages or text bytes. */
export function runWorkerTask<T extends keyof TaskResults>(
  task: T,
  file: string,
  options: T extends 'resize' ? ResizeOptions : null,
  onProgress?: (done: number, total: number) => void,
): Promise<TaskResults[T]> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { task, file, options, modules: resolveModules() } });
  live.add(worker);
  return new Promise<TaskResults[T]>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') resolve(message.value as TaskResults[T]);
      else reject(new Error(message.message));
      if (message.type !== 'progress') void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      live.delete(worker);
      reject(new Error(`attachment worker ended (${code})`));
    });
  });
}

/** Quitting does not wait for a long PDF. */
export async function stopWorkers(): Promise<void> {
  await Promise.all([...live].map((worker) => worker.terminate()));
}
