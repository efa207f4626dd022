import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SETTINGS } from '../../../src/shared/contract';
import { freePort } from '../../support/dbServers';
import { startCore } from '../../support/coreKit';

describe('sync settings and status through the contract', () => {
  const cores: ReturnType<typeof startCore>[] = [];
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.core.shutdown();
  });

  it('keeps the password and passphrase in the secret store only, and reports a failed sync as a translated error with the pending changes', async () => {
    const kit = startCore({ autoTitle: false, syncFirstDelayMs: 60_000 });
    cores.push(kit);
    expect(await kit.call('sync.status', {})).toMatchObject({ state: 'off', pending: 0, error: null });
    kit.core.history.createConversation({ title: 'local only' });
    const settings = { ...DEFAULT_SYNC_SETTINGS, enabled: true, kind: 'mysql' as const, host: '127.0.0.1', port: await freePort(), user: 'brook', encrypt: true };
    const view = await kit.call('sync.saveSettings', { settings, password: 'pw-123', passphrase: 'pass phrase' });
    expect(view).toEqual({ settings, hasPassword: true, hasPassphrase: true, deviceId: null });
    expect(JSON.stringify(view)).not.toMatch(/pw-123|pass phrase/);
    const stored = kit.core.history.database.prepare("SELECT value FROM sync_state WHERE key = 'settings'").pluck().get() as string;
    expect(stored).not.toMatch(/pw-123|pass phrase/);
    expect(readFileSync(join(kit.dataDir, 'keys.json'), 'utf8')).toContain('pw-123');

    const status = await kit.call('sync.now', {});
    expect(status.state).toBe('error');
    expect(status.error?.messageKey).toBe('sync.errors.unreachable');
    // Sync was set up by the attempt: the existing conversation waits to be sent.
    expect(status.pending).toBe(1);
    expect(kit.events.some((e) => e.name === 'sync.statusChanged')).toBe(true);

    // Keeping the stored password: undefined leaves it, '' clears it.
    expect((await kit.call('sync.saveSettings', { settings: { ...settings, enabled: false } })).hasPassword).toBe(true);
    expect((await kit.call('sync.saveSettings', { settings, password: '' })).hasPassword).toBe(false);
  });
});
