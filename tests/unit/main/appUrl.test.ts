import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPageUrl, contentTypeOf, rendererFileFor } from '../../../src/main/appUrl';

const root = join(sep, 'opt', 'brook', 'renderer');

describe('app://brook/ (the desktop pages’ own scheme)', () => {
  it('names the pages, with their hash', () => {
    expect(appPageUrl('index')).toBe('app://brook/index.html');
    expect(appPageUrl('quick', 'conversation=c1')).toBe('app://brook/quick.html#conversation=c1');
  });

  it('maps a URL to a file inside the renderer folder only', () => {
    expect(rendererFileFor('app://brook/index.html', root)).toBe(join(root, 'index.html'));
    expect(rendererFileFor('app://brook/', root)).toBe(join(root, 'index.html'));
    expect(rendererFileFor('app://brook/assets/a%20b.js?x=1', root)).toBe(join(root, 'assets', 'a b.js'));
    expect(rendererFileFor('app://brook/..%2F..%2Fetc%2Fpasswd', root)).toBeNull();
    // The URL parser resolves %2e%2e itself: it cannot climb above the root either.
    expect(rendererFileFor('app://brook/%2e%2e/secret', root)).toBe(join(root, 'secret'));
    expect(rendererFileFor('app://other/index.html', root)).toBeNull();
    expect(rendererFileFor('file:///opt/brook/renderer/index.html', root)).toBeNull();
    expect(rendererFileFor('app://brook/%E0%A4%A', root)).toBeNull();
  });

  it('sends scripts and pages with their types', () => {
    expect(contentTypeOf('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('/x/a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('/x/blob')).toBe('application/octet-stream');
  });
});
