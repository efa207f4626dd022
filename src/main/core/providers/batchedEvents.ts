/**
 * A provider's events, produced a network read at a time and handed out one at a time.
 *
 * Why: an async generator that yields every event costs its reader a promise, a resumption of
 * the generator and several trips through the microtask queue per event, and a provider's
 * `stream` delegating to a reading generator doubles that. At full speed one read holds
 * hundreds of small chunks, so the provider pushes a read's events into a queue and pauses once
 * per read, and `next()` serves the queue with already-settled promises (bench:throughput).
 * The Provider interface stays `AsyncIterable<ProviderEvent>` for every reader.
 */

/**
 * Pushes events into `out` (never replace it) and yields once after each network read, so the
 * reader gets what was pushed. Throwing or returning ends the stream after `out` is served.
 */
export type EventProducer<T> = (out: T[]) => AsyncGenerator<void, void, undefined>;

const END: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Serves the events of `produce` in order. Read by one reader at a time, as `for await` does.
 * Events pushed before the producer threw are still served, then the error is thrown: text
 * that arrived before a mid-stream error is part of the answer. Returning early (a `break`,
 * an error in the reader) returns the producer, which runs its `finally` blocks (the SSE reader
 * cancels the body there).
 */
export class BatchedEvents<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private served = 0;
  private readonly producer: AsyncGenerator<void, void, undefined>;
  /** Set when the producer ended: `{ error }` when it threw, to be thrown once the queue is served. */
  private ending: { error?: unknown } | null = null;

  constructor(produce: EventProducer<T>) {
    this.producer = produce(this.queue);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.served < this.queue.length) return Promise.resolve({ done: false, value: this.queue[this.served++] as T });
    return this.refill();
  }

  async return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.served = 0;
    if (!this.ending) {
      this.ending = {};
      await this.producer.return(undefined);
    }
    return END;
  }

  /** As an async generator does when thrown into at a `yield`: ends (returning the producer) with `error`. */
  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  private async refill(): Promise<IteratorResult<T>> {
    // The producer holds `queue` itself: empty it in place.
    this.queue.length = 0;
    this.served = 0;
    while (!this.ending && this.queue.length === 0) {
      try {
        if ((await this.producer.next()).done) this.ending = {};
      } catch (error) {
        this.ending = { error };
      }
    }
    if (this.queue.length > 0) return { done: false, value: this.queue[this.served++] as T };
    const ending = this.ending;
    if (ending && 'error' in ending) {
      // Thrown once; a reader that asks again hears that the stream is over.
      this.ending = {};
      throw ending.error;
    }
    return END;
  }
}
