import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../src/main/core/app';
import { defaultState, FileSecretStore } from '../../src/main/core/settings';
import { requests, type EventName, type RequestArgs, type RequestName, type RequestResult } from '../../src/shared/contract';
import { busStreams, recordAnswerEnds, waitUntil } from './answerEnds';

/**
 * The one core test kit: a whole core on a temporary folder with the settings in memory,
 * called the way the IPC and WebSocket layers call it (arguments validated), with every event
 * recorded and the answers' ends awaitable.
 */
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
  core.bus.on((name, payload) => events.push({ name, payload }));
  const answers = recordAnswerEnds(busStreams(core.bus));
  async function call<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<RequestResult<K>> {
    const parsed = requests[name].args.parse(args) as never;
    const handler = core.handlers[name] as (a: never) => Promise<RequestResult<K>> | RequestResult<K>;
    return await handler(parsed);
  }
  return {
    core,
    dataDir,
    call,
    events,
    ended: answers.ended,
    until: (check: () => boolean, what: string) => waitUntil(check, what),
  };
}
