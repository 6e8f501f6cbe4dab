import { describe, expect, it, vi } from 'vitest';
import { handleUpdates, type UpdateDeps } from '@/lib/platform/updates';

function setup(running: boolean) {
  let listener: () => void = () => {};
  let waiting = false;
  const order: string[] = [];
  const state = { running };
  const deps: UpdateDeps = {
    onUpdateAvailable: (l) => (listener = l),
    reload: vi.fn(() => void order.push('reload')),
    requestFlush: vi.fn(() => void order.push('flush')),
    sessionRunning: async () => state.running,
    waiting: { get: async () => waiting, set: async (v) => void (waiting = v) },
    wait: async () => void order.push('wait'),
  };
  const updates = handleUpdates(deps);
  return { deps, updates, order, state, fire: () => listener(), waiting: () => waiting };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('updates mid-call', () => {
  it('with no session running: the views flush first, then the extension reloads', async () => {
    const t = setup(false);
    t.fire();
    await settle();
    expect(t.order).toEqual(['flush', 'flush', 'wait', 'reload']);
  });

  it('during a session: flushes at once, waits for the session to end, then reloads', async () => {
    const t = setup(true);
    t.fire();
    await settle();
    expect(t.order).toEqual(['flush']);
    expect(t.deps.reload).not.toHaveBeenCalled();
    expect(t.waiting()).toBe(true);
    await t.updates.sessionChanged(); // still running (e.g. a contract write): nothing
    expect(t.deps.reload).not.toHaveBeenCalled();
    t.state.running = false;
    await t.updates.sessionChanged();
    expect(t.deps.reload).toHaveBeenCalledTimes(1);
    expect(t.waiting()).toBe(false);
  });

  it('a session ending with no update waiting reloads nothing (control)', async () => {
    const t = setup(false);
    await t.updates.sessionChanged();
    expect(t.deps.reload).not.toHaveBeenCalled();
  });
});
