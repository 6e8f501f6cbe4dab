/**
 * Property-style tests of parseBackup on generated broken files: a seeded generator makes hundreds of
 * damaged variants of a valid file. Every one must be refused with a readable sentence, never thrown.
 */
import { describe, expect, it } from 'vitest';
import { parseBackup } from '@/lib/backup/parse';
import { serializeBackup } from '@/lib/backup/serialize';
import { NOW, records } from './fixtures';

type Json = Record<string, unknown>;

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

const TEXT = serializeBackup(records(), 'all', NOW);
const fresh = () => JSON.parse(TEXT) as Json;
const COLLECTIONS = ['clients', 'sessions', 'items', 'questions', 'questionPrefs'] as const;

/** Every path to a value inside the records (settings excluded: any JSON object is valid there). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function at(root: unknown, path: (string | number)[]) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walks arbitrary JSON by path
  const parent = path.slice(0, -1).reduce<any>((o, k) => o[k], root);
  return { parent, key: path[path.length - 1]! };
}

/** A value that is surely the wrong type (or out of range) for what is there now. */
function wrongValue(current: unknown): unknown {
  if (typeof current === 'string') return 42;
  if (typeof current === 'number') return String(current);
  if (typeof current === 'boolean') return 1;
  if (current === null) return true; // nullable fields hold dates or ids, never booleans
  if (Array.isArray(current)) return { length: 0 };
  return 'object expected';
}

function expectRefusal(text: string, label: string) {
  let result: ReturnType<typeof parseBackup> | undefined;
  expect(() => (result = parseBackup(text, NOW)), label).not.toThrow();
  expect(result!.ok, label).toBe(false);
  if (!result!.ok) {
    expect(result!.error.code).toBe('invalid');
    expect(result!.error.message, label).toMatch(/^This backup cannot be imported: .{10,} Nothing was imported\.$/);
  }
}

describe('parseBackup on generated broken files', () => {
  const r = rng(20261121);

  it('refuses the file cut at 300 offsets', () => {
    for (let n = 0; n < 300; n++) {
      const cut = r.int(TEXT.length - 2);
      expectRefusal(TEXT.slice(0, cut), `cut at ${cut}`);
    }
  });

  it('refuses files with a random field removed (200 cases)', () => {
    for (let n = 0; n < 200; n++) {
      const file = fresh();
      const collection = r.pick(COLLECTIONS);
      const recordPaths = paths(file[collection], [collection]).filter((p) => p.length >= 3 && typeof p[p.length - 1] === 'string');
      const path = r.pick(recordPaths);
      const { parent, key } = at(file, path);
      delete parent[key];
      expectRefusal(JSON.stringify(file), `removed ${path.join('.')}`);
    }
  });

  it('refuses files with a random value of the wrong type (200 cases)', () => {
    for (let n = 0; n < 200; n++) {
      const file = fresh();
      const path = r.pick(paths(file).filter((p) => p.length >= 1 && p[0] !== 'settings'));
      const { parent, key } = at(file, path);
      parent[key] = wrongValue(parent[key]);
      expectRefusal(JSON.stringify(file), `wrong type at ${path.join('.')}`);
    }
  });

  it('refuses duplicate ids, unknown kinds and out-of-range dates at random places (150 cases)', () => {
    for (let n = 0; n < 150; n++) {
      const file = fresh();
      const mutation = r.pick(['duplicate', 'kind', 'date'] as const);
      if (mutation === 'duplicate') {
        const collection = r.pick(['clients', 'sessions', 'items', 'questions'] as const);
        const list = file[collection] as Json[];
        list.push({ ...list[r.int(list.length)]! });
      } else if (mutation === 'kind') {
        const items = file.items as Json[];
        items[r.int(items.length)]!.kind = r.pick(['task', 'ticket', '', 'Commitment', 'note ']);
      } else {
        const datePaths = paths(file).filter((p) => /At$|^at$/.test(String(p[p.length - 1])) && p[0] !== 'exportedAt');
        const { parent, key } = at(file, r.pick(datePaths));
        parent[key] = r.pick([Date.UTC(1850, 0, 1), Date.UTC(2300, 0, 1), -1e15, 1e20, Number.MAX_SAFE_INTEGER]);
      }
      expectRefusal(JSON.stringify(file), mutation);
    }
  });

  it('never throws on random character flips, and refuses most of them', () => {
    let refusedCount = 0;
    const noise = ['"', '{', '}', '[', ']', ',', ':', '\\', 'x', '0', ' ', '\u0000', '🙂'];
    for (let n = 0; n < 300; n++) {
      const chars = [...TEXT];
      for (let k = 1 + r.int(3); k > 0; k--) chars[r.int(chars.length)] = r.pick(noise);
      const text = chars.join('');
      let result: ReturnType<typeof parseBackup> | undefined;
      expect(() => (result = parseBackup(text, NOW))).not.toThrow();
      if (!result!.ok) {
        refusedCount++;
        expect(result!.error.message).toMatch(/^This backup cannot be imported: /);
      } else {
        // Whatever still parses is still a whole, consistent record.
        expect(parseBackup(serializeBackup(result!.value, 'all', NOW), NOW).ok).toBe(true);
      }
    }
    expect(refusedCount).toBeGreaterThan(150);
  });
});
