import { describe, expect, it } from 'vitest';
import { safeUrl } from '../../../src/renderer/src/markdown/urlPolicy';

describe('safeUrl', () => {
  it('keeps http, https and mailto links', () => {
    expect(safeUrl('https://example.com/a?b=1#c', 'href')).toBe('https://example.com/a?b=1#c');
    expect(safeUrl('http://example.com', 'href')).toBe('http://example.com/');
    expect(safeUrl('mailto:someone@example.com', 'href')).toBe('mailto:someone@example.com');
  });

  it('removes every other scheme, including disguised ones', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      'brook://internal',
    ]) {
      expect(safeUrl(url, 'href'), url).toBeNull();
    }
  });

  it('removes relative links, which would resolve against the app itself', () => {
    expect(safeUrl('/settings', 'href')).toBeNull();
    expect(safeUrl('#top', 'href')).toBeNull();
    expect(safeUrl('../x', 'href')).toBeNull();
  });

  it('allows only https images', () => {
    expect(safeUrl('https://example.com/cat.png', 'src')).toBe('https://example.com/cat.png');
    expect(safeUrl('http://example.com/cat.png', 'src')).toBeNull();
    expect(safeUrl('data:image/png;base64,AAAA', 'src')).toBeNull();
  });
});
