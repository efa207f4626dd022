import { describe, expect, it } from 'vitest';
import type { StreamEventEnvelope } from '../../../src/shared/streamEvents';
import { StreamBatcher } from '../../../src/renderer/src/state/streamBatcher';

function text(messageId: string, piece: string): StreamEventEnvelope {
  return { conversationId: 'c1', messageId, event: { type: 'text', text: piece } };
}

function setup() {
  const frames: Array<() => void> = [];
  const batches: StreamEventEnvelope[][] = [];
  const batcher = new StreamBatcher(
    (cb) => frames.push(cb),
    (batch) => batches.push([...batch]),
  );
  return { frames, batches, batcher };
}

describe('StreamBatcher', () => {
  it('asks for one frame however many events arrive, and flushes them together', () => {
    const { frames, batches, batcher } = setup();
    for (let i = 0; i < 100; i++) batcher.push(text('m1', 'x'));
    expect(frames).toHaveLength(1);
    expect(batches).toHaveLength(0);
    frames[0]!();
    expect(batches).toHaveLength(1);
  });

  it('hands events over as they came: the core already batched them, nothing is merged again', () => {
    const { frames, batches, batcher } = setup();
    batcher.push(text('m1', 'Hel'));
    batcher.push(text('m1', 'lo'));
    frames[0]!();
    expect(batches[0]).toEqual([text('m1', 'Hel'), text('m1', 'lo')]);
  });

  it('keeps order across messages and event kinds', () => {
    const { frames, batches, batcher } = setup();
    batcher.push(text('m1', 'a'));
    batcher.push({ conversationId: 'c1', messageId: 'm1', event: { type: 'usage', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } } });
    batcher.push(text('m1', 'b'));
    batcher.push(text('m2', 'c'));
    frames[0]!();
    expect(batches[0]!.map((e) => e.event.type)).toEqual(['text', 'usage', 'text', 'text']);
  });

  it('schedules a new frame after a flush', () => {
    const { frames, batcher } = setup();
    batcher.push(text('m1', 'a'));
    frames[0]!();
    batcher.push(text('m1', 'b'));
    expect(frames).toHaveLength(2);
  });

  it('discards queued events that match', () => {
    const { frames, batches, batcher } = setup();
    batcher.push(text('m1', 'a'));
    batcher.push(text('m2', 'b'));
    batcher.discard((e) => e.messageId === 'm1');
    frames[0]!();
    expect(batches[0]).toEqual([text('m2', 'b')]);
  });
});
