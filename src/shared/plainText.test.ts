import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './plainText';

describe('markdownToPlainText', () => {
  it('drops the marks a reader never sees', () => {
    expect(markdownToPlainText('## Title\n\nSome **bold**, _italic_ and `code` with a [link](https://x.test).')).toBe(
      'Title\n\nSome bold, italic and code with a link.',
    );
  });

  it('keeps list items and table rows on lines of their own, cells apart by tabs', () => {
    const md = '- one\n- two\n\n| A | B |\n| --- | --- |\n| 1 | **2** |';
    expect(markdownToPlainText(md)).toBe('one\ntwo\n\nA\tB\n1\t2');
  });

  it('keeps code blocks as they are and quotes as their text', () => {
    expect(markdownToPlainText('> quoted *words*\n\n```js\nconst a = 1 < 2;\n```')).toBe('quoted words\n\nconst a = 1 < 2;');
  });

  it('shows entities as the characters they stand for', () => {
    expect(markdownToPlainText('Tom & Jerry <3')).toBe('Tom & Jerry <3');
  });
});
