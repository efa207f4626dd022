import { describe, expect, it } from 'vitest';

process.env.BROOK_QUIET_CONFIG = '1';
const { signingFrom, signingSummary } = await import('../../electron-builder.config.js');

describe('signing from CI secrets', () => {
  it('builds unsigned, and says so, when no secret is set', () => {
    const signing = signingFrom({});
    expect(signing).toEqual({ windows: false, mac: false, notarize: false });
    expect(signingSummary(signing)).toMatch(/Windows: UNSIGNED .*macOS: ad-hoc signed only .*Unsigned builds install and run for testing/);
  });

  it('signs with a certificate and notarises only with a complete Apple ID or API key set', () => {
    expect(signingFrom({ CSC_LINK: 'base64…', CSC_KEY_PASSWORD: 'x' })).toEqual({ windows: true, mac: true, notarize: false });
    expect(signingFrom({ CSC_LINK: 'x', APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' })).toMatchObject({ notarize: false });
    expect(signingFrom({ CSC_LINK: 'x', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' })).toMatchObject({ notarize: true });
    expect(signingFrom({ CSC_LINK: 'x', APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' })).toMatchObject({ notarize: true });
    // Apple credentials without a Developer ID certificate cannot notarise anything.
    expect(signingFrom({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' })).toMatchObject({ mac: false, notarize: false });
    expect(signingFrom({ WIN_CSC_LINK: 'x', CSC_LINK: ' ' })).toEqual({ windows: true, mac: false, notarize: false });
    expect(signingSummary({ windows: true, mac: true, notarize: true })).toContain('Windows: signed; macOS: signed and notarised');
  });
});
