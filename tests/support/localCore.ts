import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src/main/core/app/createCore';
import { FileSecretStore } from '../../src/main/core/settings/secrets';
import { defaultState } from '../../src/main/core/settings/settingsState';
import type { Message } from '../../src/shared/domain';

/** A real core in a temporary folder with the settings in memory, for the local-server tests. */
export function testCore(options: Partial<CoreOptions> = {}): { core: Core; dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-local-'));
  const core = createCore({
    dataDir,
    settingsBackend: { store: { ...defaultState() } },
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
    chat: { checkpointMs: 100, windowBatchMs: 16 },
    ...options,
  });
  return { core, dataDir };
}

/** Resolves with the answer once the core says it ended. */
export function answerEnd(core: Core, messageId: string, timeoutMs = 10_000): Promise<Message> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`answer ${messageId} did not end`)), timeoutMs);
    const off = core.bus.on((name, payload) => {
      if (name !== 'stream') return;
      const e = payload as { messageId: string; event: { type: string; message?: Message } };
      if (e.messageId === messageId && e.event.type === 'end' && e.event.message) {
        clearTimeout(timer);
        off();
        resolve(e.event.message);
      }
    });
  });
}

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
