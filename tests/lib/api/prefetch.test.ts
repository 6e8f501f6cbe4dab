import { describe, expect, it, vi } from 'vitest';
import type { HoldspaceApi } from '@/lib/api/contract';
import { withPrefetch } from '@/lib/api/prefetch';
import { ok } from '@/lib/api/result';

function countingApi() {
  let n = 0;
  const listClients = vi.fn(async () => ok([{ id: `answer-${++n}` }]));
  const activeSession = vi.fn(async () => ok(null));
  return { api: { listClients, activeSession } as unknown as HoldspaceApi, listClients, activeSession };
}

describe('withPrefetch', () => {
  it('starts the listed reads at once, and hands the first matching call the answer under way', async () => {
    const { api, listClients, activeSession } = countingApi();
    const fast = withPrefetch(api, [
      { method: 'listClients', args: {} },
      { method: 'activeSession', args: {} },
    ]);
    expect(listClients).toHaveBeenCalledTimes(1);
    expect(activeSession).toHaveBeenCalledTimes(1);
    expect(await fast.listClients({})).toEqual(ok([{ id: 'answer-1' }]));
    expect(listClients).toHaveBeenCalledTimes(1);
    // Later calls (e.g. after a change event) read fresh.
    expect(await fast.listClients({})).toEqual(ok([{ id: 'answer-2' }]));
    expect(listClients).toHaveBeenCalledTimes(2);
  });

  it('does not serve a prefetched answer for other arguments, or once it is too old', async () => {
    let t = 0;
    const { api, listClients } = countingApi();
    const fast = withPrefetch(api, [{ method: 'listClients', args: {} }], { maxAgeMs: 1000, now: () => t });
    expect(await fast.listClients({ includeArchived: true })).toEqual(ok([{ id: 'answer-2' }]));
    t = 5000;
    expect(await fast.listClients({})).toEqual(ok([{ id: 'answer-3' }]));
    expect(listClients).toHaveBeenCalledTimes(3);
  });
});
