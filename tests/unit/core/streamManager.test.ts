import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import type { ProviderEvent } from '../../../src/main/core/providers/provider';
import { StreamManager, type StreamListener, type StreamOutcome } from '../../../src/main/core/streaming/StreamManager';

/** A source the test feeds by hand, honouring the abort signal like a real provider. */
function controlledSource() {
  const queue: ProviderEvent[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  let failure: unknown = null;
  const source = async function* (signal: AbortSignal): AsyncIterable<ProviderEvent> {
    while (true) {
      if (signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    }
  };
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  return {
    source,
    push: (e: ProviderEvent) => (queue.push(e), poke()),
    end: () => ((ended = true), poke()),
    fail: (err: unknown) => ((failure = err), poke()),
  };
}

function recorder() {
  const seen: string[] = [];
  let outcome: StreamOutcome | null = null;
  const listener: StreamListener = {
    onEvent: (e) => {
      if (e.type === 'text') seen.push(`t:${e.text}`);
      if (e.type === 'reasoning') seen.push(`r:${e.text}`);
      if (e.type === 'usage') seen.push(`u:${e.usage.totalTokens}`);
    },
    onEnd: (o, s) => {
      outcome = o;
      seen.push(`end:${o.status}:${s.content}`);
    },
  };
  return { seen, listener, outcome: () => outcome };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('StreamManager', () => {
  it('fans events out to every listener in order and ends done', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    const a = recorder();
    const b = recorder();
    const finished = m.start('c1', 'm1', src.source, [a.listener, b.listener]);
    src.push({ type: 'reasoning', text: 'hmm' });
    src.push({ type: 'text', text: 'Hel' });
    src.push({ type: 'text', text: 'lo' });
    src.push({ type: 'usage', usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3 } });
    src.push({ type: 'done', finishReason: 'stop' });
    src.end();
    expect(await finished).toEqual({ status: 'done', finishReason: 'stop' });
    expect(a.seen).toEqual(['r:hmm', 't:Hel', 't:lo', 'u:3', 'end:done:Hello']);
    expect(b.seen).toEqual(a.seen);
    expect(m.isActive('c1')).toBe(false);
  });

  it('allows one live stream per conversation', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    void m.start('c1', 'm1', src.source);
    expect(() => m.start('c1', 'm2', controlledSource().source)).toThrow(AppError);
    const other = controlledSource();
    void m.start('c2', 'm3', other.source);
    expect(m.isActive('c2')).toBe(true);
    await m.stopAll();
  });

  it('late attach gets the text so far, then only later deltas', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    const finished = m.start('c1', 'm1', src.source);
    src.push({ type: 'text', text: 'one ' });
    src.push({ type: 'text', text: 'two ' });
    await tick();
    const late = recorder();
    const attached = m.attach('c1', late.listener);
    expect(attached?.snapshot).toMatchObject({ messageId: 'm1', content: 'one two ' });
    src.push({ type: 'text', text: 'three' });
    src.end();
    await finished;
    expect(late.seen).toEqual(['t:three', 'end:done:one two three']);
    expect(attached!.snapshot.content + 'three').toBe('one two three');
  });

  it('a detached listener hears nothing more; attach after the end returns null', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    const finished = m.start('c1', 'm1', src.source);
    const late = recorder();
    const attached = m.attach('c1', late.listener)!;
    src.push({ type: 'text', text: 'a' });
    await tick();
    attached.detach();
    src.push({ type: 'text', text: 'b' });
    src.end();
    await finished;
    expect(late.seen).toEqual(['t:a']);
    expect(m.attach('c1', recorder().listener)).toBeNull();
  });

  it('stop aborts the source and ends stopped with the partial text', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    const r = recorder();
    const finished = m.start('c1', 'm1', src.source, [r.listener]);
    src.push({ type: 'text', text: 'partial' });
    await tick();
    await m.stop('c1');
    expect(await finished).toEqual({ status: 'stopped' });
    expect(r.seen.at(-1)).toBe('end:stopped:partial');
  });

  it('stopAll (quitting) ends answers interrupted rather than stopped', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    const finished = m.start('c1', 'm1', src.source);
    src.push({ type: 'text', text: 'x' });
    await tick();
    await m.stopAll();
    expect(await finished).toEqual({ status: 'interrupted' });
  });

  it('a provider error ends the stream with that AppError and keeps the text', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    const r = recorder();
    const finished = m.start('c1', 'm1', src.source, [r.listener]);
    src.push({ type: 'text', text: 'so far' });
    src.fail(new AppError('rate_limit', { retryAfterMs: 2000 }));
    const outcome = await finished;
    expect(outcome.status).toBe('error');
    expect(outcome.status === 'error' && outcome.error.toJSON()).toMatchObject({ code: 'rate_limit', retryAfterMs: 2000 });
    expect(r.seen.at(-1)).toBe('end:error:so far');
  });

  it('a silent stream fails with timeout and keeps its partial text', async () => {
    const m = new StreamManager({ idleTimeoutMs: 40 });
    const src = controlledSource();
    const r = recorder();
    const finished = m.start('c1', 'm1', src.source, [r.listener]);
    src.push({ type: 'text', text: 'before silence' });
    const outcome = await finished;
    expect(outcome.status === 'error' && outcome.error.code).toBe('timeout');
    expect(r.seen.at(-1)).toBe('end:error:before silence');
  });

  it('events keep a stream alive past its idle window; the silence is measured from the last one', async () => {
    vi.useFakeTimers();
    try {
      const m = new StreamManager({ idleTimeoutMs: 100 });
      const src = controlledSource();
      let outcome: StreamOutcome | null = null;
      void m.start('c1', 'm1', src.source).then((o) => (outcome = o));
      for (let i = 0; i < 10; i++) {
        src.push({ type: 'text', text: `${i} ` });
        await vi.advanceTimersByTimeAsync(60);
      }
      expect(outcome).toBeNull();
      await vi.advanceTimersByTimeAsync(30);
      expect(outcome).toBeNull();
      await vi.advanceTimersByTimeAsync(20);
      expect(outcome).toMatchObject({ status: 'error' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads a changeable timeout when each stream starts, and names it in the error', async () => {
    let seconds = 0.04;
    const m = new StreamManager({ idleTimeoutMs: () => seconds * 1000 });
    const first = m.start('c1', 'm1', controlledSource().source);
    const firstOutcome = await first;
    expect(firstOutcome.status === 'error' && firstOutcome.error.code).toBe('timeout');

    seconds = 0.3;
    const src = controlledSource();
    const started = Date.now();
    const second = m.start('c1', 'm2', src.source);
    seconds = 0.01; // a change mid-stream applies to the next answer, not this one
    src.push({ type: 'text', text: 'slow' });
    const outcome = await second;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(outcome.status === 'error' && outcome.error.params).toEqual({ seconds: 0 });
  });

  it('an answer that ends with no text and no finish is an error, not a silent success', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    const finished = m.start('c1', 'm1', src.source);
    src.end();
    const outcome = await finished;
    expect(outcome.status === 'error' && outcome.error.messageKey).toBe('errors.emptyAnswer');
  });

  it('an answer the provider finished with no text (llama.cpp: finish_reason "stop") is a finished empty answer', async () => {
    const m = new StreamManager();
    const src = controlledSource();
    const finished = m.start('c1', 'm1', src.source);
    src.push({ type: 'done', finishReason: 'stop' });
    src.end();
    expect(await finished).toEqual({ status: 'done', finishReason: 'stop' });
  });

  it('a listener that throws does not break the others', async () => {
    const errors: unknown[] = [];
    const m = new StreamManager({ onListenerError: (e) => errors.push(e) });
    const src = controlledSource();
    const good = recorder();
    const finished = m.start('c1', 'm1', src.source, [{ onEvent: () => { throw new Error('bad window'); } }, good.listener]);
    src.push({ type: 'text', text: 'ok' });
    src.end();
    await finished;
    expect(good.seen).toEqual(['t:ok', 'end:done:ok']);
    expect(errors).toHaveLength(1);
  });
});
