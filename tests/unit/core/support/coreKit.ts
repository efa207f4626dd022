import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../../../src/main/core/app/createCore';
import { FileSecretStore } from '../../../../src/main/core/settings/secrets';
import { defaultState } from '../../../../src/main/core/settings/settingsState';
import { requests, type EventName, type Events, type RequestArgs, type RequestName, type RequestResult } from '../../../../src/shared/contract';
import type { Message } from '../../../../src/shared/domain';

/** A whole core on a temporary folder, called the way the IPC and WebSocket layers call it (arguments validated). */
export function startCore(options: Partial<CoreOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'brook-core-'));
  const core: Core = createCore({
    dataDir,
    settingsBackend: { store: { ...defaultState() } },
    secrets: new FileSecretStore(join(dataDir, 'keys.json')),
    info: { mode: 'browser', version: 'test', systemLocale: 'en-US' },
    chat: { checkpointMs: 50, windowBatchMs: 10 },
    ...options,
  });
  const events: { name: EventName; payload: unknown }[] = [];
  const ends = new Map<string, Message>();
  core.bus.on((name, payload) => {
    events.push({ name, payload });
    if (name === 'stream') {
      const e = payload as Events['stream'];
      if (e.event.type === 'end') ends.set(e.messageId, e.event.message);
    }
  });
  async function call<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> {
    const parsed = requests[name].args.parse(args) as never;
    const handler = core.handlers[name] as (a: never) => Promise<RequestResult<K>> | RequestResult<K>;
    return await handler(parsed);
  }
  async function ended(id: string): Promise<Message> {
    for (let i = 0; i < 500 && !ends.has(id); i++) await new Promise((r) => setTimeout(r, 10));
    const m = ends.get(id);
    if (!m) throw new Error(`answer ${id} did not end`);
    return m;
  }
  async function until(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  }
  return { core, dataDir, call, ended, until, events };
}
