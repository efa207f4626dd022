/** Counts requests on their way per key, e.g. sends per conversation. */
export class InFlight {
  private readonly counts = new Map<string, number>();

  has(key: string): boolean {
    return (this.counts.get(key) ?? 0) > 0;
  }

  async run<T>(key: string, call: () => Promise<T>): Promise<T> {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    try {
      return await call();
    } finally {
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    }
  }
}
