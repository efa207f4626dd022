import { describe, expect, it } from 'vitest';
import { webSearchReady } from '../../../src/renderer/src/state/webSearchReady';
import { provider, SETTINGS } from './support/fakeClient';

describe('webSearchReady', () => {
  const noKeys = { tavily: false, brave: false };
  const withSearch = (webSearch: Partial<typeof SETTINGS.webSearch>) => ({ ...SETTINGS, webSearch: { ...SETTINGS.webSearch, ...webSearch } });

  it('needs the chosen engine’s address or key', () => {
    expect(webSearchReady(withSearch({ backend: 'searxng', searxngUrl: '' }), noKeys, undefined)).toBe(false);
    expect(webSearchReady(withSearch({ backend: 'searxng', searxngUrl: 'http://127.0.0.1:8888' }), noKeys, undefined)).toBe(true);
    expect(webSearchReady(withSearch({ backend: 'tavily' }), noKeys, undefined)).toBe(false);
    expect(webSearchReady(withSearch({ backend: 'tavily' }), { tavily: true, brave: false }, undefined)).toBe(true);
    expect(webSearchReady(withSearch({ backend: 'brave' }), { tavily: true, brave: false }, undefined)).toBe(false);
    expect(webSearchReady(null, noKeys, undefined)).toBe(false);
  });

  it('with the provider’s own search, needs a provider that has one', () => {
    const native = withSearch({ backend: 'native' });
    expect(webSearchReady(native, noKeys, provider('p', { kind: 'gemini', presetId: 'gemini' }))).toBe(true);
    expect(webSearchReady(native, noKeys, provider('p'))).toBe(false);
    expect(webSearchReady(native, noKeys, undefined)).toBe(false);
  });
});
