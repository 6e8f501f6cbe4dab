import { describe, expect, it, vi } from 'vitest';
import { createChangeHub, subscribeToChanges, type PortLike } from '@/lib/api/changes';
import { CHANGES_PORT, CHANGES_PORT_RECONNECT } from '@/lib/api/wire';

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
