import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../src/main/core/net/externalUrl';
import { FileSecretStore } from '../../../src/main/core/settings/secrets';

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.com/a?b=c', true],
    ['http://example.com', true],
    ['mailto:someone@example.com', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>1</script>', false],
    ['https://bank.example@evil.example/', false],
    ['not a url', false],
    ['smb://host/share', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('FileSecretStore', () => {
  it('keeps keys in a file only the user can read', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'brook-sec-')), 'keys.json');
    const s = new FileSecretStore(file);
    expect(s.get('p1')).toBeNull();
    s.set('p1', 'sk-secret');
    s.set('p2', 'other');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new FileSecretStore(file).get('p1')).toBe('sk-secret');
    s.delete('p1');
    expect(s.get('p1')).toBeNull();
    expect(s.get('p2')).toBe('other');
  });

  it('refuses to overwrite a damaged keys file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'brook-sec-')), 'keys.json');
    writeFileSync(file, '{"p1": "sk-keep-me"');
    const s = new FileSecretStore(file);
    expect(() => s.set('p2', 'new')).toThrow(expect.objectContaining({ messageKey: 'errors.keysFileDamaged' }));
    expect(readFileSync(file, 'utf8')).toBe('{"p1": "sk-keep-me"');
  });
});
