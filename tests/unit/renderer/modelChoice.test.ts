import { describe, expect, it } from 'vitest';
import { newChatChoice } from '../../../src/renderer/src/state/modelChoice';
import { provider, SETTINGS } from './support/fakeClient';
const providers = [provider('p1'), provider('p2'), provider('p3')];

describe('newChatChoice', () => {
  it('a quick ask uses the quick model from settings', () => {
    const settings = { ...SETTINGS, defaultProviderId: 'p2', quickAsk: { ...SETTINGS.quickAsk, providerId: 'p3', model: 'fast' } };
    expect(newChatChoice('quick', settings, providers)).toEqual({ providerId: 'p3', model: 'fast' });
    expect(newChatChoice('chat', settings, providers)).toEqual({ providerId: 'p2', model: null });
  });

  it('falls back to the default provider, then the first one', () => {
    const settings = { ...SETTINGS, defaultProviderId: 'p2', quickAsk: { ...SETTINGS.quickAsk, providerId: 'gone', model: 'x' } };
    expect(newChatChoice('quick', settings, providers)).toEqual({ providerId: 'p2', model: null });
    expect(newChatChoice('quick', SETTINGS, providers)).toEqual({ providerId: 'p1', model: null });
    expect(newChatChoice('quick', null, [])).toEqual({ providerId: null, model: null });
  });
});
