import { splitTokens } from '../tests/fixtures/openaiServer';

const PROSE = [
  'Streams are easy to get almost right and hard to get exactly right, because every layer buffers a little.',
  'A desktop client has to keep up with the model without making the window stutter or dropping a character.',
  '流式输出需要在每一帧内完成渲染，同时不能让已经完成的段落反复重绘。',
];

const CODE = [
  '```typescript',
  'export function mergeDeltas(chunks: readonly string[]): string {',
  '  let out = "";',
  '  for (const chunk of chunks) {',
  '    // keep order; never drop a partial UTF-8 sequence',
  '    out += chunk;',
  '  }',
  '  return out;',
  '}',
  '',
  'const table = new Map<string, number>([["alpha", 1], ["beta", 2]]);',
  'for (const [key, value] of table) console.log(key, value * 2);',
  '```',
];

/** A long answer of prose, lists, tables and code, cut to exactly `tokens` fixture tokens. */
export function markdownAnswer(tokens: number): string {
  const sections: string[] = [];
  for (let i = 0; splitTokens(sections.join('\n')).length < tokens; i++) {
    sections.push(
      `## Section ${i + 1}`,
      '',
      `${PROSE[i % PROSE.length]} ${PROSE[(i + 1) % PROSE.length]}`,
      '',
      '- first point, with `inline code`',
      '- second point, with **bold** and a [link](https://example.com)',
      '  - a nested point',
      '',
      '| metric | value | note |',
      '|---|---:|---|',
      `| frames | ${i * 7} | steady |`,
      `| tokens | ${i * 13} | 流畅 |`,
      '',
      ...CODE,
      '',
    );
  }
  return splitTokens(sections.join('\n')).slice(0, tokens).join('');
}
