import { describe, expect, it } from 'vitest';
import { BatchedEvents } from '../../../src/main/core/providers/batchedEvents';

/** A producer whose reads are released by hand, so a test sees what the reader has before the next read. */
function gatedReads(reads: number[][], options: { failAfter?: boolean } = {}) {
  const log: string[] = [];
  const gates: (() => void)[] = [];
  const events = new BatchedEvents<number>(async function* (out) {
    try {
      for (const read of reads) {
        await new Promise<void>((release) => gates.push(release));
        out.push(...read);
        yield;
      }
      if (options.failAfter) {
        out.push(99);
        throw new Error('cut');
      }
    } finally {
      log.push('producer closed');
    }
  });
  const releaseNext = async (): Promise<void> => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
  };
  return { events, log, releaseNext };
}

describe('BatchedEvents', () => {
  it('hands out a read\'s events in order before the next read is waited for', async () => {
    const { events, releaseNext } = gatedReads([[1, 2, 3], [], [4]]);
    const first = events.next();
    await releaseNext();
    expect(await first).toEqual({ done: false, value: 1 });
    expect(await events.next()).toEqual({ done: false, value: 2 });
    expect(await events.next()).toEqual({ done: false, value: 3 });
    // An empty read gives the reader nothing; it waits on for the one after.
    const fourth = events.next();
    await releaseNext();
    await releaseNext();
    expect(await fourth).toEqual({ done: false, value: 4 });
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('serves what came before an error, then throws it once', async () => {
    const { events, releaseNext } = gatedReads([[1]], { failAfter: true });
    const seen: number[] = [];
    void releaseNext();
    await expect(
      (async () => {
        for await (const n of events) seen.push(n);
      })(),
    ).rejects.toThrow('cut');
    expect(seen).toEqual([1, 99]);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('closes the producer when the reader stops early', async () => {
    const { events, log, releaseNext } = gatedReads([[1, 2], [3]]);
    void releaseNext();
    for await (const n of events) if (n === 1) break;
    expect(log).toEqual(['producer closed']);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });
});
