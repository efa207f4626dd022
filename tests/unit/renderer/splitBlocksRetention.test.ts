/**
 * A streamed answer must not keep every earlier version of itself alive (memory growing with
 * the square of the answer). Checked structurally: the splitter runs in a worker of its own,
 * streams an answer piece by piece keeping only its latest split (as the component does), and
 * a heap snapshot of that worker counts the strings at least half the answer's size.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';

const SPLITTER = fileURLToPath(new URL('../../../src/renderer/src/markdown/splitBlocks.ts', import.meta.url));

const STREAM = `
const parts = [];
for (let i = 0; i < 2000; i++) {
  parts.push('## Part ' + i + '\\n\\nSome prose about streams, 第' + i + '段。\\n\\n- one\\n- two\\n\\n\`\`\`js\\nlet x = ' + i + ';\\n\`\`\`\\n\\n');
}
const answer = parts.join('');
const splitter = new IncrementalSplitter();
let content = '';
let kept = null;
for (let i = 0; i < answer.length; i += 200) {
  content += answer.slice(i, i + 200);
  kept = splitter.split(content, { appended: true });
}
globalThis.kept = kept;
parentPort.postMessage({ length: answer.length, blocks: kept.groups.flat().length });
// Stay alive until the snapshot is taken (a snapshot of an exiting worker crashes Node 20).
parentPort.on('message', () => {});
`;

async function workerSource(): Promise<string> {
  const bundle = await rolldown({ input: SPLITTER, logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const code = output[0].code.replace(/^export \{[^}]*\};?\s*$/m, '');
  return `import { parentPort } from 'node:worker_threads';\n${code}\n${STREAM}`;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

/** Total bytes of the flat strings of at least `minBytes` in the worker's heap. */
async function bigStringBytes(worker: Worker, minBytes: number): Promise<number> {
  const stream = await worker.getHeapSnapshot();
  let json = '';
  for await (const chunk of stream) json += String(chunk);
  const heap = JSON.parse(json) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
  let total = 0;
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    if (types[heap.nodes[i + typeAt]!] === 'string' && heap.nodes[i + sizeAt]! >= minBytes) total += heap.nodes[i + sizeAt]!;
  }
  return total;
}

describe('streaming split memory', () => {
  it('keeps no earlier version of the answer alive', async () => {
    const url = new URL(`data:text/javascript,${encodeURIComponent(await workerSource())}`);
    const worker = new Worker(url);
    try {
      const done = await new Promise<{ length: number; blocks: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(done.blocks).toBe(2000 * 4);
      // The answer is a two-byte string (it has Chinese). Alive are the answer, the last content, the
      // parts and the worker's own source: a few answers' worth. Blocks holding slices of the text as it
      // was when they were lexed kept about 430 answers' worth here (the splitter before the fix).
      const answers = (await bigStringBytes(worker, 4096)) / (done.length * 2);
      expect(answers).toBeGreaterThanOrEqual(1);
      expect(answers).toBeLessThanOrEqual(8);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
