import { describe, expect, it, vi } from 'vitest';
import { createChangeHub, subscribeToChanges, type PortLike } from '@/lib/api/changes';
import { apiRequest, CHANGES_PORT, CHANGES_PORT_RECONNECT, type ApiRequest } from '@/lib/api/wire';

function fakePortPair(name = CHANGES_PORT) {
  const toView = new Set<(m: unknown) => void>();
  const disconnects = new Set<() => void>();
  const port: PortLike = {
    name,
    postMessage: (m) => toView.forEach((cb) => cb(m)),
    onMessage: { addListener: (cb) => toView.add(cb) },
    onDisconnect: { addListener: (cb) => disconnects.add(cb) },
    disconnect: vi.fn(),
  };
  return { port, drop: () => disconnects.forEach((cb) => cb()) };
}

describe('change hub and feed', () => {
  it('pushes each change to every connected view and forgets disconnected ones', () => {
    const hub = createChangeHub();
    const a = fakePortPair();
    const b = fakePortPair();
    const seenA = vi.fn();
    const seenB = vi.fn();
    a.port.onMessage.addListener(seenA);
    b.port.onMessage.addListener(seenB);
    expect(hub.accept(a.port)).toBe('open');
    expect(hub.accept(b.port)).toBe('open');
    expect(hub.accept(fakePortPair(CHANGES_PORT_RECONNECT).port)).toBe('reconnect');
    expect(hub.accept(fakePortPair('other').port)).toBe(false);
    hub.broadcast({ topics: ['items'] });
    expect(seenA).toHaveBeenCalledTimes(1);
    expect(seenB).toHaveBeenCalledWith({ channel: 'holdspace/changes', event: { topics: ['items'] } });
    expect(hub.size).toBe(3);
    b.drop();
    expect(hub.size).toBe(2);
  });

  it('reconnects when the worker stops, and asks the view to refresh everything', async () => {
    vi.useFakeTimers();
    const ports: ReturnType<typeof fakePortPair>[] = [];
    const onChange = vi.fn();
    const onReconnect = vi.fn();
    const controller = new AbortController();
    subscribeToChanges({
      connect: (isReconnect) => {
        const pair = fakePortPair(isReconnect ? CHANGES_PORT_RECONNECT : CHANGES_PORT);
        ports.push(pair);
        return pair.port;
      },
      onChange,
      onReconnect,
      signal: controller.signal,
      retryMs: 100,
    });
    ports[0]!.port.postMessage({ channel: 'holdspace/changes', event: { topics: ['sessions'], at: 5 } });
    ports[0]!.port.postMessage({ something: 'else' });
    expect(onChange).toHaveBeenCalledTimes(1);
    ports[0]!.drop(); // MV3 stopped the worker
    await vi.advanceTimersByTimeAsync(100);
    expect(ports).toHaveLength(2);
    expect(ports.map((p) => p.port.name)).toEqual([CHANGES_PORT, CHANGES_PORT_RECONNECT]);
    expect(onReconnect).toHaveBeenCalledTimes(1);
    controller.abort();
    expect(ports[1]!.port.disconnect).toHaveBeenCalled();
    ports[1]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(ports).toHaveLength(2);
    vi.useRealTimers();
  });
});

describe('flush requests', () => {
  it('the hub asks every view to flush; the feed reports it, and a closed port, synchronously', () => {
    const hub = createChangeHub();
    const onFlush = vi.fn();
    const ports: ReturnType<typeof fakePortPair>[] = [];
    const controller = new AbortController();
    subscribeToChanges({
      connect: () => {
        const pair = fakePortPair();
        ports.push(pair);
        hub.accept(pair.port);
        return pair.port;
      },
      onChange: vi.fn(),
      onFlush,
      signal: controller.signal,
    });
    expect(onFlush).not.toHaveBeenCalled(); // control: nothing asked yet
    hub.requestFlush();
    expect(onFlush).toHaveBeenCalledWith('worker');
    ports[0]!.drop();
    expect(onFlush).toHaveBeenLastCalledWith('lost');
    expect(onFlush).toHaveBeenCalledTimes(2);
    controller.abort();
  });
});

describe("the view's posts to the worker", () => {
  it('go over the open port, to the new one after a reconnect, and nowhere while none is open', async () => {
    vi.useFakeTimers();
    const ports: ReturnType<typeof fakePortPair>[] = [];
    const sent: unknown[][] = [];
    const controller = new AbortController();
    const feed = subscribeToChanges({
      connect: () => {
        const pair = fakePortPair();
        const mine: unknown[] = [];
        sent.push(mine);
        pair.port.postMessage = (m) => mine.push(m);
        ports.push(pair);
        return pair.port;
      },
      onChange: vi.fn(),
      signal: controller.signal,
      retryMs: 100,
    });
    feed.post('first');
    ports[0]!.drop();
    feed.post('while closed');
    await vi.advanceTimersByTimeAsync(100);
    feed.post('second');
    expect(sent).toEqual([['first'], ['second']]);
    controller.abort();
    vi.useRealTimers();
  });
});

/** Two ends of one port: what one end posts, the other end's listeners receive (asynchronously, as in a browser). */
function portBetween(name = CHANGES_PORT) {
  const listeners = { view: new Set<(m: unknown) => void>(), worker: new Set<(m: unknown) => void>() };
  const disconnects = { view: new Set<() => void>(), worker: new Set<() => void>() };
  let open = true;
  const end = (me: 'view' | 'worker', other: 'view' | 'worker'): PortLike => ({
    name,
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(m);
      queueMicrotask(() => open && listeners[other].forEach((cb) => cb(copy)));
    },
    onMessage: { addListener: (cb) => listeners[me].add(cb) },
    onDisconnect: { addListener: (cb) => disconnects[me].add(cb) },
    disconnect: vi.fn(),
  });
  return {
    view: end('view', 'worker'),
    worker: end('worker', 'view'),
    /** The worker stopped: each side hears of it. */
    close: () => {
      open = false;
      disconnects.view.forEach((cb) => cb());
      disconnects.worker.forEach((cb) => cb());
    },
  };
}

describe('reads over the view’s port', () => {
  const request = (method: string, args: unknown = {}) => apiRequest(method as never, args, 'view-1');

  function connected(answer: (r: ApiRequest) => Promise<unknown> | undefined) {
    const hub = createChangeHub({ answer });
    const pairs: ReturnType<typeof portBetween>[] = [];
    const controller = new AbortController();
    const feed = subscribeToChanges({
      connect: () => {
        const pair = portBetween();
        pairs.push(pair);
        hub.accept(pair.worker);
        return pair.view;
      },
      onChange: vi.fn(),
      signal: controller.signal,
      retryMs: 60_000,
    });
    return { feed, pairs, controller };
  }

  it('answers each read on the port it came by, paired by id even when answers come back out of order', async () => {
    const asked: string[] = [];
    const { feed, controller } = connected((r) => {
      asked.push(r.method);
      const slow = r.method === 'listClients';
      return new Promise((resolve) => setTimeout(() => resolve({ ok: true, value: r.method }), slow ? 20 : 1));
    });
    const first = feed.call(request('listClients'));
    const second = feed.call(request('lockStatus'));
    expect(first).not.toBeNull();
    await expect(second).resolves.toEqual({ ok: true, value: 'lockStatus' });
    await expect(first).resolves.toEqual({ ok: true, value: 'listClients' });
    expect(asked).toEqual(['listClients', 'lockStatus']);
    controller.abort();
  });

  it('never runs a write that comes over a port (its answer could be lost with the port)', async () => {
    const answer = vi.fn(async () => ({ ok: true, value: null }));
    const { feed, controller } = connected(answer);
    await expect(feed.call(request('lockStatus'))).resolves.toMatchObject({ ok: true }); // control: a read runs
    expect(answer).toHaveBeenCalledTimes(1);
    const refused = await feed.call(request('addItem', { sessionId: 's', input: { kind: 'note', text: 'x' } }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(answer).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('rejects a read still waiting when the port closes, and offers no port until one is open again', async () => {
    const { feed, pairs, controller } = connected(() => new Promise(() => {})); // the worker stops before answering
    const waiting = feed.call(request('listClients'));
    pairs[0]!.close();
    await expect(waiting).rejects.toThrow(/closed/);
    expect(feed.call(request('listClients'))).toBeNull();
    controller.abort();
  });
});
