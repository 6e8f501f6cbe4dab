import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from '@/lib/store/quiet';
import { SAFEKEEPING } from '@/lib/model/limits';
import { testStore, val } from './harness';

describe('whenQuiet', () => {
  afterEach(() => vi.useRealTimers());

  it('runs the task once nothing was under way for the quiet time, not before', () => {
    vi.useFakeTimers();
    const quiet = whenQuiet(100);
    const task = vi.fn();
    quiet.after(task);
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('waits while a call is under way, and the quiet time again after it ends', async () => {
    vi.useFakeTimers();
    const quiet = whenQuiet(100);
    const task = vi.fn();
    let finish!: () => void;
    const call = quiet.during(() => new Promise<void>((resolve) => (finish = resolve)));
    quiet.after(task);
    vi.advanceTimersByTime(500);
    expect(task).not.toHaveBeenCalled();
    finish();
    await call;
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('starts the quiet time over when a call comes meanwhile; a later task replaces the waiting one', async () => {
    vi.useFakeTimers();
    const quiet = whenQuiet(100);
    const first = vi.fn();
    const second = vi.fn();
    quiet.after(first);
    vi.advanceTimersByTime(80);
    await quiet.during(async () => 'answered');
    vi.advanceTimersByTime(80);
    expect(first).not.toHaveBeenCalled();
    quiet.after(second);
    vi.advanceTimersByTime(100);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('passes on what the call answers or throws', async () => {
    const quiet = whenQuiet(100);
    await expect(quiet.during(async () => 42)).resolves.toBe(42);
    await expect(quiet.during(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });
});

describe('warmSearchWhenQuiet (a view opened)', () => {
  /** Whether the store's index is built: only a built index is saved, as the stored copy. */
  const stored = async (connection: ReturnType<typeof testStore>['connection'], api: ReturnType<typeof testStore>['api']) => {
    await api.saveSearchIndex();
    return (await (await connection.get()).get('searchIndex', 'index')) !== undefined;
  };

  it('answers the first reads before the index loads, then loads it once the store is quiet', async () => {
    const { api, connection } = testStore();
    await val(api.createClient({ input: { name: 'Ana Lopez' } }));
    api.warmSearchWhenQuiet();
    await val(api.listClients({}));
    await val(api.recentClients({ limit: 5 }));
    expect(await stored(connection, api)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, SAFEKEEPING.searchWarmQuietMs + 200));
    expect(await stored(connection, api)).toBe(true);
    const hits = await val(api.search({ query: 'ana', limit: 5 }));
    expect(hits.map((h) => h.kind)).toContain('client');
  });
});
