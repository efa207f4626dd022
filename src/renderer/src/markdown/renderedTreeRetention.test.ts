/**
 * What a rendered answer keeps alive beyond its elements, checked on React's fibers of the
 * rendered DOM (linkedom as the document).
 *
 * A streamed answer must hold each finished block once, as an answer rendered in one go does.
 * While a block grows it is rendered again on every update, and React keeps a second copy of
 * every element of a component it rendered twice (the fiber's `alternate`, with the props of
 * the version before): memoizing a finished block stops further renders but keeps that copy,
 * which made a streamed 50k-token answer's heap twice the finished one's: no element of a
 * finished block may have an alternate.
 *
 * No component may hold a hast node (react-markdown's `node` prop): it keeps the node's whole
 * subtree, a second tree beside React's (see renderMarkdown).
 */
import { parseHTML } from 'linkedom';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const { window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
const globals = globalThis as unknown as Record<string, unknown>;
const installed: string[] = [];

beforeAll(() => {
  for (const name of ['window', 'document', 'navigator', 'Node', 'HTMLElement', 'Element', 'Text', 'MutationObserver']) {
    if (name in globals) continue;
    globals[name] = (window as unknown as Record<string, unknown>)[name];
    installed.push(name);
  }
});
afterAll(() => {
  for (const name of installed) delete globals[name];
});

interface Fiber {
  alternate: Fiber | null;
  child: Fiber | null;
  sibling: Fiber | null;
  memoizedProps: unknown;
}
const fiberOf = (node: object): Fiber | undefined => {
  const key = Object.keys(node).find((k) => k.startsWith('__reactFiber$'));
  return key ? ((node as Record<string, unknown>)[key] as Fiber) : undefined;
};

/** Every fiber under the root mounted in `host`. */
function fibersUnder(host: object): Fiber[] {
  const key = Object.keys(host).find((k) => k.startsWith('__reactContainer$'))!;
  const all: Fiber[] = [];
  const stack = [(host as Record<string, Fiber>)[key]!];
  while (stack.length > 0) {
    const fiber = stack.pop()!;
    all.push(fiber);
    if (fiber.sibling) stack.push(fiber.sibling);
    if (fiber.child) stack.push(fiber.child);
  }
  return all;
}

const holdsNode = (fiber: Fiber) => typeof fiber.memoizedProps === 'object' && fiber.memoizedProps !== null && (fiber.memoizedProps as { node?: unknown }).node !== undefined;

/** Sections of prose, a list and code: blocks that grow over several updates each. */
function answer(sections: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= sections; i++) parts.push(`## Part ${i}`, '', `Some **prose** about part ${i}, with \`code\` and a [link](https://example.com/${i}).`, '', '- one', '- two', '', '```ts', `const x${i} = ${i};`, '```', '');
  return parts.join('\n');
}

describe('a rendered answer', () => {
  it('keeps one version of each finished block (no element of it holds the previous render)', async () => {
    const { Markdown } = await import('./Markdown');
    const host = window.document.getElementById('root')!;
    const root = createRoot(host);
    const text = answer(12);
    for (let end = 8; end < text.length + 8; end += 8) {
      flushSync(() => root.render(createElement(Markdown, { content: text.slice(0, end), streaming: true, cacheKey: 'm' })));
    }
    const blocks = [...host.querySelectorAll('.md-group > *')];
    expect(blocks.length).toBe(48);
    // The last two blocks may still be open when the stream ends; every one before is finished.
    const finished = blocks.slice(0, -2);
    const withPreviousRender = finished.filter((block) => [block, ...block.querySelectorAll('*')].some((el) => fiberOf(el)?.alternate));
    expect(finished.every((block) => fiberOf(block))).toBe(true);
    expect(withPreviousRender).toHaveLength(0);
    expect(fibersUnder(host).filter(holdsNode)).toHaveLength(0);
    expect([...host.querySelectorAll('.code-block__lang')].map((el) => el.textContent)).toEqual(Array(12).fill('ts'));
    flushSync(() => root.unmount());
    // React's deferred work (passive effects) still needs the document.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('opened finished holds no hast node and names each code block\'s language', async () => {
    const { Markdown } = await import('./Markdown');
    const host = window.document.getElementById('root')!;
    const root = createRoot(host);
    flushSync(() => root.render(createElement(Markdown, { content: answer(40), streaming: false, cacheKey: 'finished' })));
    while (host.querySelector('[data-pending]')) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(host.querySelectorAll('.md-group > *')).toHaveLength(160);
    expect(fibersUnder(host).filter(holdsNode)).toHaveLength(0);
    expect([...host.querySelectorAll('.code-block__lang')].map((el) => el.textContent)).toEqual(Array(40).fill('ts'));
    flushSync(() => root.unmount());
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
