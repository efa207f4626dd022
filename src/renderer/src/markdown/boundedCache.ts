/**
 * A least-recently-used map bounded by its number of entries and by the total weight of its
 * values (the caller says what a value weighs, e.g. its bytes). Reading an entry makes it the
 * most recent; adding past either bound drops the least recent ones first.
 */
export class BoundedCache<K, V> {
  /** A Map iterates in insertion order: re-inserting on every read keeps the least recent first. */
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private weight = 0;

  constructor(private readonly limits: { readonly maxEntries: number; readonly maxWeight: number }) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` as the most recent entry; a value heavier than the whole cache is not kept. */
  set(key: K, value: V, weight: number): void {
    this.delete(key);
    if (weight > this.limits.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.weight <= this.limits.maxWeight) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalWeight(): number {
    return this.weight;
  }
}
