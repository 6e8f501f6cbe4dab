/**
 * The maps a MiniSearch index loaded from a snapshot (./snapshot.ts) works on: each stands in for one of
 * MiniSearch's own `Map`s and answers every `Map` method (MiniSearch calls get/has/set/delete/size and
 * iterates), but costs almost nothing to create:
 * - `LazyMap`: a real `Map` filled on its first use (a term's postings, the id → short id map);
 * - `ArrayMap`: a map keyed by short id (0, 1, 2…) kept in an array, read in O(1), built from a snapshot's
 *   arrays without a `Map` entry per document (MiniSearch's `_documentIds` and `_fieldLength`).
 * Iteration follows the keys' insertion order as a `Map`'s does: ascending short ids for an `ArrayMap`,
 * which is the order MiniSearch inserts them in (a short id is never reused).
 */

/** A `Map` filled by `fill` on the first call of any of its methods. */
export abstract class LazyMap<K, V> extends Map<K, V> {
  private pending = true;

  /** Puts the entries in (through `add`, which bypasses the lazy methods). */
  protected abstract fill(add: (key: K, value: V) => void): void;

  /** Whether the entries have been filled in (an untouched map can be copied from its source instead). */
  get filled(): boolean {
    return !this.pending;
  }

  private ready(): void {
    if (!this.pending) return;
    this.pending = false;
    this.fill((key, value) => void Map.prototype.set.call(this, key, value));
  }

  override get(key: K): V | undefined {
    this.ready();
    return super.get(key);
  }
  override has(key: K): boolean {
    this.ready();
    return super.has(key);
  }
  override set(key: K, value: V): this {
    this.ready();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.ready();
    return super.delete(key);
  }
  override clear(): void {
    this.pending = false;
    super.clear();
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.ready();
    super.forEach(callback, thisArg);
  }
  override keys(): MapIterator<K> {
    this.ready();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.ready();
    return super.values();
  }
  override entries(): MapIterator<[K, V]> {
    this.ready();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

// `size` is a getter on Map.prototype; TypeScript declares it as a property, so it is redefined here.
Object.defineProperty(LazyMap.prototype, 'size', {
  get(this: LazyMap<unknown, unknown>) {
    (this as unknown as { ready(): void }).ready();
    return Reflect.get(Map.prototype, 'size', this) as number;
  },
});

/**
 * A map from short ids (small non-negative integers) to values, held in an array: `read` gives the value at
 * a short id (undefined when absent), decoded by a subclass from its source the first time it is asked for.
 */
export abstract class ArrayMap<V> implements Map<number, V> {
  /** Values set or decoded so far; `null` marks a deleted (or absent) entry, `undefined` one not looked at yet. */
  protected readonly slots: (V | null | undefined)[];
  private count: number;

  /** `loaded`: how many short ids the source covers; `count`: how many of them hold a value. */
  constructor(
    private readonly loaded: number,
    count: number,
  ) {
    this.slots = new Array<V | null | undefined>(loaded);
    this.count = count;
  }

  /** The value the source holds for a short id below `loaded`, or null when it holds none. */
  protected abstract decode(key: number): V | null;

  get(key: number): V | undefined {
    let slot = this.slots[key];
    if (slot === undefined) {
      if (!(key >= 0 && key < this.loaded && Number.isInteger(key))) return undefined;
      slot = this.decode(key);
      this.slots[key] = slot;
    }
    return slot ?? undefined;
  }
  has(key: number): boolean {
    return this.get(key) !== undefined;
  }
  set(key: number, value: V): this {
    if (!Number.isInteger(key) || key < 0) throw new RangeError(`ArrayMap: not a short id: ${key}`);
    if (!this.has(key)) this.count++;
    this.slots[key] = value;
    return this;
  }
  delete(key: number): boolean {
    if (!this.has(key)) return false;
    this.slots[key] = null;
    this.count--;
    return true;
  }
  clear(): void {
    this.slots.fill(null);
    this.count = 0;
  }
  get size(): number {
    return this.count;
  }
  *entries(): MapIterator<[number, V]> {
    // Reads the length each step: like a Map's iterator, it also visits entries added meanwhile.
    for (let key = 0; key < Math.max(this.loaded, this.slots.length); key++) {
      const value = this.get(key);
      if (value !== undefined) yield [key, value];
    }
  }
  *keys(): MapIterator<number> {
    for (const [key] of this.entries()) yield key;
  }
  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }
  /** A plain loop (no iterator), and values not looked at before are decoded without being kept. */
  forEach(callback: (value: V, key: number, map: Map<number, V>) => void, thisArg?: unknown): void {
    for (let key = 0; key < Math.max(this.loaded, this.slots.length); key++) {
      const slot = this.slots[key];
      const value = slot === undefined ? (key < this.loaded ? this.decode(key) : null) : slot;
      if (value !== null && value !== undefined) callback.call(thisArg, value, key, this);
    }
  }
  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }
  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}
