import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_READS } from '@/lib/api/first-reads';
import { apiRequest, CHANGES_PORT } from '@/lib/api/wire';

/** A fake runtime: records what is sent and connected, in order; a port whose events the test fires. */
const fake = vi.hoisted(() => {
  const events: string[] = [];
  const listeners = { message: new Set<(m: unknown) => void>(), disconnect: new Set<() => void>() };
  const port = {
    name: '',
    onMessage: {
      addListener: (cb: (m: unknown) => void) => listeners.message.add(cb),
      removeListener: (cb: (m: unknown) => void) => listeners.message.delete(cb),
    },
    onDisconnect: { addListener: (cb: () => void) => listeners.disconnect.add(cb) },
    postMessage: () => undefined,
    disconnect: () => undefined,
  };
  const runtime = {
    connect: vi.fn(({ name }: { name: string }) => {
      events.push(`connect ${name}`);
      port.name = name;
      return port;
    }),
    sendMessage: vi.fn((message: { method: string }) => {
      events.push(`send ${message.method}`);
      return Promise.resolve({ ok: true, value: `answer to ${message.method}` });
    }),
  };
  return { events, listeners, port, runtime };
});
vi.mock('wxt/browser', () => ({ browser: { runtime: fake.runtime } }));

/** A fresh copy of the module (its state is per page). */
const load = async () => {
  vi.resetModules();
  return import('@/lib/platform/early-reads');
};

beforeEach(() => {
  fake.events.length = 0;
  fake.listeners.message.clear();
  fake.listeners.disconnect.clear();
  fake.runtime.connect.mockClear();
  fake.runtime.sendMessage.mockClear();
});

const asView = (method: (typeof FIRST_READS)[number]['method'], args: unknown) => apiRequest(method, args, '/sidepanel.html#abc');

describe('early reads (the side panel before its app has loaded)', () => {
  it('opens the change port first, then sends every first read; each answer is taken once, by method and arguments', async () => {
    const early = await load();
    early.startEarlyReads();
    expect(fake.events).toEqual([`connect ${CHANGES_PORT}`, ...FIRST_READS.map((c) => `send ${c.method}`)]);
    for (const call of FIRST_READS) {
      await expect(early.takeEarlyRead(asView(call.method, call.args))).resolves.toEqual({ ok: true, value: `answer to ${call.method}` });
      expect(early.takeEarlyRead(asView(call.method, call.args))).toBeUndefined();
    }
    // Other arguments are another read: sent as usual.
    expect(early.takeEarlyRead(asView('recentClients', { limit: 50 }))).toBeUndefined();
    expect(early.takeEarlyPort()).toBe(fake.port);
    expect(early.takeEarlyPort()).toBeNull();
    early.startEarlyReads();
    expect(fake.runtime.connect).toHaveBeenCalledTimes(1);
  });

  it('drops every early answer when a change comes before the view listens (asked again, never stale)', async () => {
    const early = await load();
    early.startEarlyReads();
    for (const cb of fake.listeners.message) cb({ channel: 'holdspace/changes', event: { topics: ['clients'] } });
    expect(early.takeEarlyRead(asView('listClients', {}))).toBeUndefined();
    expect(early.takeEarlyPort()).toBe(fake.port); // the port itself is still the view's
  });

  it('once the view has the port, its changes are the view’s: answers not yet taken stay', async () => {
    const early = await load();
    early.startEarlyReads();
    expect(early.takeEarlyPort()).toBe(fake.port);
    expect(fake.listeners.message.size).toBe(0);
    expect(early.takeEarlyRead(asView('activeSession', {}))).toBeDefined();
  });

  it('a port that closed before the view took it is not handed over, and its answers are dropped', async () => {
    const early = await load();
    early.startEarlyReads();
    for (const cb of fake.listeners.disconnect) cb();
    expect(early.takeEarlyPort()).toBeNull();
    expect(early.takeEarlyRead(asView('lockStatus', {}))).toBeUndefined();
  });

  it('without early reads (the overlay) nothing is taken: the view connects and asks by itself', async () => {
    const early = await load();
    expect(early.takeEarlyPort()).toBeNull();
    expect(early.takeEarlyRead(asView('lockStatus', {}))).toBeUndefined();
    expect(fake.runtime.sendMessage).not.toHaveBeenCalled();
  });
});
