import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BoundedCache } from './boundedCache';
import { FillFromEnd } from './fillOrder';
import { answerCache, answerWeight, createAnswerCache, finishedAnswer, finishedAnswerParts, PART_BLOCKS, renderFinishedAnswer } from './finishedAnswer';
import { Markdown } from './Markdown';
import { MarkdownBlock } from './MarkdownBlock';
import { allBlocks, splitBlocks } from './splitBlocks';

/** A long answer of every kind of block the app renders (headings, lists, tables, code, quotes, citations). */
function longAnswer(sections: number): string {
  const parts: string[] = [];
  for (let i = 1; i <= sections; i++) {
    parts.push(
      `## Section ${i}`,
      '',
      `Prose with **bold**, \`code\`, a [link](https://example.com/${i}), a citation [1] and 中文文本.`,
      '',
      '- first point',
      '- second point',
      '  - nested',
      '',
      '| metric | value |',
      '|---|---:|',
      `| frames | ${i * 7} |`,
      '',
      '```ts',
      `const value${i} = ${i};`,
      '```',
      '',
      '> a quote',
      '',
    );
  }
  return parts.join('\n');
}

const html = (nodes: readonly ReactNode[]) => renderToStaticMarkup(createElement(Fragment, null, ...nodes));
/** Per-block rendering, as a streaming answer is drawn: the reference the single pass must match. */
const blockByBlock = (text: string) =>
  allBlocks(splitBlocks(text))
    .map((block) => renderToStaticMarkup(createElement(MarkdownBlock, { raw: block.raw, highlight: true })))
    .join('');

describe('BoundedCache', () => {
  it('drops the least recently used entry past its entry bound; reading refreshes an entry', () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 2, maxWeight: 100 });
    cache.set('a', 1, 1);
    cache.set('b', 2, 1);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3, 1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('drops entries past its weight bound, replaces an entry, and keeps nothing heavier than itself', () => {
    const cache = new BoundedCache<string, string>({ maxEntries: 10, maxWeight: 10 });
    cache.set('a', 'a', 4);
    cache.set('b', 'b', 4);
    cache.set('a', 'a2', 5);
    expect(cache.totalWeight).toBe(9);
    cache.set('c', 'c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('a2');
    expect(cache.totalWeight).toBe(8);
    cache.set('huge', 'h', 11);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.totalWeight).toBe(8);
  });
});

describe('finished answers', () => {
  const answer = longAnswer(20);

  it('render part by part (PART_BLOCKS blocks each) exactly what the block-by-block rendering shows', () => {
    const rendered = renderFinishedAnswer(answer);
    const blocks = allBlocks(splitBlocks(answer)).length;
    expect(rendered.partCount).toBe(Math.ceil(blocks / PART_BLOCKS));
    expect(rendered.groups.length).toBeGreaterThan(1);
    for (const group of rendered.groups) expect(group.length).toBeLessThanOrEqual(PART_BLOCKS);
    expect(html(rendered.groups.flat())).toBe(blockByBlock(answer));
  });

  it('are cut into parts without rendering any; a part is rendered when asked for, once', () => {
    const cache = createAnswerCache();
    const cut = finishedAnswer('m1', answer, cache);
    expect(cut.partCount).toBeGreaterThan(1);
    expect(Array.from({ length: cut.partCount }, (_, i) => cut.isRendered(i))).toEqual(Array(cut.partCount).fill(false));
    const last = cut.part(cut.partCount - 1);
    expect(cut.isRendered(cut.partCount - 1)).toBe(true);
    expect(cut.isRendered(0)).toBe(false);
    expect(cut.part(cut.partCount - 1)).toBe(last);
    expect(html(last)).toContain('Section 20');
  });

  it('with a link definition are parsed in one part, so a reference far from its definition still resolves', () => {
    const text = `See [the docs][docs].\n\n${longAnswer(20)}\n[docs]: https://example.com/docs\n`;
    expect(allBlocks(splitBlocks(text)).length).toBeGreaterThan(PART_BLOCKS);
    expect(finishedAnswerParts(text)).toHaveLength(1);
    expect(html(renderFinishedAnswer(text).groups.flat())).toContain('href="https://example.com/docs"');
  });

  it('are drawn one part at first, from the end the reader meets first, and marked pending until complete', () => {
    const draw = (fromEnd: boolean, key: string) =>
      renderToStaticMarkup(
        createElement(FillFromEnd.Provider, { value: () => fromEnd }, createElement(Markdown, { content: answer, streaming: false, cacheKey: key })),
      );
    const fromStart = draw(false, 'drawn-start');
    expect(fromStart.match(/class="md-group"/g)).toHaveLength(1);
    expect(fromStart).toContain('data-pending="true"');
    expect(fromStart).toContain('Section 1<');
    expect(fromStart).not.toContain('Section 20<');
    const fromEnd = draw(true, 'drawn-end');
    expect(fromEnd.match(/class="md-group"/g)).toHaveLength(1);
    expect(fromEnd).toContain('Section 20<');
    expect(fromEnd).not.toContain('Section 1<');
    const short = renderToStaticMarkup(createElement(Markdown, { content: 'Short **answer**', streaming: false, cacheKey: 'drawn-short' }));
    expect(short).not.toContain('data-pending');
  });

  it('keep a very large block as text between the passes around it', () => {
    const blob = 'QUJD'.repeat(1000);
    const text = `Before **bold**.\n\n${blob}\n\n- after\n- list\n`;
    const out = html(renderFinishedAnswer(text).groups.flat());
    expect(out).toBe(blockByBlock(text));
    expect(out).toContain('class="md-large"');
    expect(out).toContain('<strong>bold</strong>');
  });

  it('come from the cache when mounted again with the same content', () => {
    const cache = createAnswerCache();
    const first = finishedAnswer('m1', answer, cache);
    expect(finishedAnswer('m1', answer, cache)).toBe(first);
    // An equal string that is another object still hits: the check is on the text, not the reference.
    expect(finishedAnswer('m1', answer.split('').join(''), cache)).toBe(first);
  });

  it('are rendered again when their content changed, and the new rendering replaces the old', () => {
    const cache = createAnswerCache();
    const first = finishedAnswer('m1', 'Hello **there**', cache);
    const edited = finishedAnswer('m1', 'Hello **again**', cache);
    expect(edited).not.toBe(first);
    expect(html(edited.groups.flat())).toContain('<strong>again</strong>');
    expect(finishedAnswer('m1', 'Hello **again**', cache)).toBe(edited);
    expect(cache.size).toBe(1);
  });

  it('are evicted least recently used first when the cache holds too many', () => {
    const cache = createAnswerCache({ maxEntries: 2, maxWeight: 1_000_000 });
    const a = finishedAnswer('a', 'first', cache);
    const b = finishedAnswer('b', 'second', cache);
    expect(finishedAnswer('a', 'first', cache)).toBe(a); // a is now the most recent
    finishedAnswer('c', 'third', cache);
    expect(cache.get('b')).toBeUndefined();
    expect(finishedAnswer('a', 'first', cache)).toBe(a);
    expect(finishedAnswer('b', 'second', cache)).not.toBe(b); // rendered again after its eviction
  });

  it('are evicted when the cache would hold more bytes of answers than its bound', () => {
    const cache = createAnswerCache({ maxEntries: 100, maxWeight: answerWeight('x'.repeat(1000)) });
    finishedAnswer('a', 'x'.repeat(400), cache);
    finishedAnswer('b', 'y'.repeat(400), cache);
    finishedAnswer('c', 'z'.repeat(400), cache);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    expect(cache.totalWeight).toBe(answerWeight('x'.repeat(800)));
  });

  it('mounted finished are kept in the app cache under their message id; streaming ones are not', () => {
    renderToStaticMarkup(createElement(Markdown, { content: 'Kept **answer**', streaming: false, cacheKey: 'msg-kept' }));
    expect(answerCache.get('msg-kept')?.content).toBe('Kept **answer**');
    const live = renderToStaticMarkup(createElement(Markdown, { content: 'Live **answer**', streaming: true, cacheKey: 'msg-live' }));
    expect(live).toContain('is-streaming');
    expect(answerCache.get('msg-live')).toBeUndefined();
  });
});
