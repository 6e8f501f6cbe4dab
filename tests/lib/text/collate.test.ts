import { afterEach, describe, expect, it, vi } from 'vitest';
import { byName } from '@/lib/text/collate';

const named = (...names: string[]) => names.map((name) => ({ name }));

describe('byName', () => {
  afterEach(() => vi.restoreAllMocks());

  it('orders names alphabetically, ignoring case and accents', () => {
    expect(
      named('zed', 'Émile', 'bella', 'Ana')
        .sort(byName)
        .map((n) => n.name),
    ).toEqual(['Ana', 'bella', 'Émile', 'zed']);
    expect(byName({ name: 'ada' }, { name: 'Ada' })).toBe(0);
    expect(byName({ name: 'Emile' }, { name: 'Émile' })).toBe(0);
    expect(byName({ name: 'Ana' }, { name: 'Bo' })).toBeLessThan(0);
  });

  it('sorts without String#localeCompare, which builds a collator on every call given options', () => {
    const localeCompare = vi.spyOn(String.prototype, 'localeCompare');
    // Control: the spy sees a call.
    'a'.localeCompare('b', undefined, { sensitivity: 'base' });
    expect(localeCompare).toHaveBeenCalledTimes(1);
    localeCompare.mockClear();
    named(...Array.from({ length: 50 }, (_, i) => `Client ${(i * 37) % 50}`)).sort(byName);
    expect(localeCompare).not.toHaveBeenCalled();
  });
});
