import { renderMarkdown } from './markdownOptions';
import { splitBlocks } from './splitBlocks';

/** A little of each kind of block, with a code block for the highlighter. */
const SAMPLE = [
  '# Title', '', 'Text with **bold**, `code`, a [link](https://example.com) and a citation [1].', '',
  '- item', '  - nested', '', '> quote', '', '| a | b |', '|---|--:|', '| 1 | 2 |', '', '```ts', 'const x: number = 1;', '```', '',
].join('\n');

/** A long unbroken line: the block rules' regular expressions are compiled for long input on first use of it. */
const LONG_LINE = 'x'.repeat(4000);

let started = false;

/**
 * The first answer a window shows paid for readying the markdown stack (marked's block rules,
 * the remark/rehype pipeline, the highlighter's grammars): one task of 50–200 ms in its first
 * frames, the only task over 50 ms left in the long-line stream (issue #12.4). Each step runs
 * once, in its own idle moment, before any answer needs it.
 */
export function warmMarkdown(): void {
  if (started || typeof requestIdleCallback !== 'function') return;
  started = true;
  const steps = [
    () => splitBlocks(`${SAMPLE}\n${LONG_LINE}\n\nend`),
    () => renderMarkdown(SAMPLE, false),
    () => renderMarkdown(SAMPLE, true),
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length > 0) requestIdleCallback(next);
  };
  requestIdleCallback(next);
}
