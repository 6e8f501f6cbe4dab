// The maps a loaded index works on (lib/search/lazy-maps.ts) stand in for MiniSearch's own `Map`s: whichever
// method is called first on a fresh one must see the same entries a plain Map would.
import { describe, expect, it } from 'vitest';
import { ArrayMap, LazyMap } from '@/lib/search/lazy-maps';

const ENTRIES: [number, string][] = [
  [0, 'zero'],
  [2, 'two'],
  [5, 'five'],
];

class Filled extends LazyMap<number, string> {
  protected fill(add: (key: number, value: string) => void): void {
    for (const [k, v] of ENTRIES) add(k, v);
  }
}

/** Source: short ids 0–5, of which 0, 2 and 5 hold a value. */
class FromArray extends ArrayMap<string> {
  constructor() {
    super(6, ENTRIES.length);
  }
  protected decode(key: number): string | null {
    return ENTRIES.find(([k]) => k === key)?.[1] ?? null;
  }
}

/** Each Map method as a first call, with what it returns and the entries left after it. */
const FIRST_CALLS: [string, (m: Map<number, string>) => unknown][] = [
  ['get', (m) => [m.get(2), m.get(1), m.get(9)]],
  ['has', (m) => [m.has(5), m.has(3)]],
  ['size', (m) => m.size],
  ['set', (m) => m.set(7, 'seven') && null],
  ['set existing', (m) => m.set(2, 'TWO') && null],
  ['delete', (m) => [m.delete(0), m.delete(4)]],
  ['clear', (m) => m.clear()],
  ['keys', (m) => [...m.keys()]],
  ['values', (m) => [...m.values()]],
  ['entries', (m) => [...m.entries()]],
  ['iteration', (m) => [...m]],
  [
    'forEach',
    (m) => {
      const seen: unknown[] = [];
      m.forEach((v, k, map) => seen.push([k, v, map === m]));
      return seen;
    },
  ],
];

const state = (m: Map<number, string>) => ({ size: m.size, entries: [...m], has2: m.has(2), get5: m.get(5) });

describe.each([
  ['LazyMap', () => new Filled()],
  ['ArrayMap', () => new FromArray() as unknown as Map<number, string>],
])('%s', (_name, make) => {
  it.each(FIRST_CALLS)('as a first call, %s sees the same entries as a plain Map', (_method, call) => {
    const plain = new Map(ENTRIES);
    const lazy = make();
    expect(call(lazy)).toEqual(call(plain));
    expect(state(lazy)).toEqual(state(plain));
  });
});
