import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore } from '../../support/coreKit';

const cores: ReturnType<typeof startCore>[] = [];
afterEach(async () => {
  for (const k of cores.splice(0)) await k.core.shutdown();
});

const ANSWER = [
  '## Sorting compared',
  '',
  '| Algorithm | Average |',
  '| --- | --- |',
  '| Quicksort | O(n log n) |',
  '',
  '```ts',
  'const answer: number = 42; // the answer',
  '```',
  '',
  'Injected: <script>alert(1)</script> and <img src=x onerror="alert(2)">',
  '',
  '<div onclick="alert(3)">block html</div>',
  '',
  '[click](javascript:alert(4)) · [docs](https://example.com/docs) · ![pic](https://example.com/p.png)',
].join('\n');

async function exportedPage() {
  const k = startCore({ autoTitle: false });
  cores.push(k);
  const h = k.core.history;
  const c = h.createConversation({ title: 'Export' });
  const q = h.appendMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'Compare **sorts**', status: 'done' });
  h.appendMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: ANSWER, status: 'done', model: 'm1' });
  const file = await k.call('transfer.exportConversation', { id: c.id, format: 'html' });
  return { text: file.text, document: parseHTML(file.text).document };
}

describe('HTML export', () => {
  it('renders an answer’s Markdown: heading, table, highlighted code', async () => {
    const { document } = await exportedPage();
    const answer = document.querySelector('article.assistant .text')!;
    expect(answer.querySelector('h2')?.textContent).toBe('Sorting compared');
    expect([...answer.querySelectorAll('table th')].map((th) => th.textContent)).toEqual(['Algorithm', 'Average']);
    expect(answer.querySelector('table td')?.textContent).toBe('Quicksort');
    const code = answer.querySelector('pre code.hljs.language-ts')!;
    expect(code.textContent).toBe('const answer: number = 42; // the answer');
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code.querySelector('.hljs-comment')?.textContent).toBe('// the answer');
    // questions stay as typed, like in the app
    expect(document.querySelector('article.user .text')?.textContent).toBe('Compare **sorts**');
  });

  it('is self-contained: inline styles for light and dark, no remote loads', async () => {
    const { text, document } = await exportedPage();
    const css = document.querySelector('style')!.textContent ?? '';
    expect(css).toContain('prefers-color-scheme: dark');
    expect(css).toContain('.hljs-keyword');
    expect(document.querySelectorAll('link, img, iframe, object, embed').length).toBe(0);
    expect(text).toContain("default-src 'none'");
  });

  it('lets no script, event handler or javascript: URL through; raw HTML shows as text', async () => {
    const { text, document } = await exportedPage();
    expect(document.querySelectorAll('script').length).toBe(0);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
        expect(attr.value.trim().toLowerCase().startsWith('javascript:'), `${el.tagName} ${attr.name}`).toBe(false);
      }
    }
    expect(text).not.toMatch(/<script/i);
    const answer = document.querySelector('article.assistant .text')!;
    expect(answer.textContent).toContain('<script>alert(1)</script>');
    expect(answer.textContent).toContain('<img src=x onerror="alert(2)">');
    expect(answer.textContent).toContain('<div onclick="alert(3)">block html</div>');
    const links = [...answer.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['docs', 'https://example.com/docs'],
      ['[pic]', 'https://example.com/p.png'],
    ]);
    expect(answer.textContent).toContain('click');
  });
});
