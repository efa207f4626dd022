/**
 * Page harness for `streamWork.bench.ts`: Brook's <Markdown> and the approach peers use
 * (react-markdown re-rendering the whole answer on every update) side by side in one page,
 * each timed per update from setting the text to the layout being done.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { answerCache } from '../src/renderer/src/markdown/finishedAnswer';
import { Markdown } from '../src/renderer/src/markdown/Markdown';

type Kind = 'brook' | 'baseline';

interface Mounted {
  host: HTMLElement;
  root: Root;
}

function mount(): Mounted {
  const host = document.createElement('div');
  host.className = 'bubble--assistant';
  document.querySelector('#stage')!.replaceChildren(host);
  return { host, root: createRoot(host) };
}

function render(target: Mounted, kind: Kind, content: string, streaming: boolean, cacheKey = 'bench'): number {
  const t0 = performance.now();
  flushSync(() =>
    target.root.render(
      kind === 'brook' ? <Markdown content={content} streaming={streaming} cacheKey={cacheKey} /> : <ReactMarkdown remarkPlugins={[remarkGfm]}>{content}</ReactMarkdown>,
    ),
  );
  void target.host.offsetHeight; // the layout is part of the update's work
  return performance.now() - t0;
}

/**
 * The heap in use once React has done its deferred work and a GC ran. React detaches an
 * unmounted tree (and a replaced block's old fibers) in a later task; read in the same task, a
 * reading counts the previous tree as held, or not, depending on whether that task ran first
 * (the same "rendered once" answer read 8.4 or 13.0 MiB).
 */
async function heap(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  (globalThis as unknown as { gc?: () => void }).gc?.();
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}

const HEAP_KEY = 'bench-heap';

/** Resolves once a finished answer has drawn its last part (`data-pending` gone). */
async function drawnInFull(host: Element): Promise<void> {
  while (host.querySelector('[data-pending]')) await new Promise((r) => setTimeout(r, 20));
}

const harness = {
  /**
   * Brook streams the whole answer from the start (its state is built as in the app); the
   * baseline starts from the prefix before the timed updates (re-rendering everything is what
   * it does anyway). Returns the time of each of the last `timed` updates.
   */
  stream(kind: Kind, pieces: string[], timed: number): number[] {
    const target = mount();
    const firstTimed = pieces.length - timed;
    let content = kind === 'baseline' ? pieces.slice(0, firstTimed).join('') : '';
    const times: number[] = [];
    for (let i = kind === 'baseline' ? firstTimed : 0; i < pieces.length; i++) {
      content += pieces[i];
      const ms = render(target, kind, content, true);
      if (i >= firstTimed) times.push(ms);
    }
    render(target, kind, content, false);
    target.root.unmount();
    return times;
  },
  /**
   * Heap held after streaming the answer (Brook) against rendering it once, both after a GC and
   * once the answer is drawn in full: a finished answer is drawn part by part in later tasks, so
   * right after the render call only its first parts exist.
   */
  async heapAfter(mode: 'streamed' | 'once', pieces: string[]): Promise<number> {
    document.querySelector('#stage')!.replaceChildren();
    // The app keeps a finished answer in its cache, so that counts; an earlier run's entry does not.
    answerCache.delete(HEAP_KEY);
    const before = await heap();
    const target = mount();
    let content = '';
    if (mode === 'streamed') {
      for (const piece of pieces) render(target, 'brook', (content += piece), true);
    } else content = pieces.join('');
    render(target, 'brook', content, false, HEAP_KEY);
    await drawnInFull(target.host);
    const held = (await heap()) - before;
    target.root.unmount();
    return held;
  },
};

(window as unknown as { __harness: typeof harness }).__harness = harness;
