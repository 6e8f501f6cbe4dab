import { describe, expect, it, vi } from 'vitest';
import { createApiClient, portOrMessage } from '@/lib/api/client';
import { ok } from '@/lib/api/result';
import { apiRequest, type ApiRequest } from '@/lib/api/wire';

describe('createApiClient', () => {
  it('sends one typed request per call and returns the answer', async () => {
    const send = vi.fn(async (_m: ApiRequest) => ok([{ id: 'c1' }]));
    const api = createApiClient(send, 'panel#1');
    const result = await api.listClients({});
    expect(result).toEqual({ ok: true, value: [{ id: 'c1' }] });
    expect(send).toHaveBeenCalledWith({ channel: 'holdspace/api', method: 'listClients', args: {}, view: 'panel#1' });
  });

  it('retries once when the worker is not there yet, then answers', async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error('Receiving end does not exist')).mockResolvedValueOnce(ok(null));
    const api = createApiClient(send, 'o');
    expect(await api.activeSession({})).toEqual({ ok: true, value: null });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('turns an unreachable worker into an `unavailable` error instead of throwing', async () => {
    const send = vi.fn().mockRejectedValue(new Error('Extension context invalidated'));
    const api = createApiClient(send, 'o');
    const result = await api.addItem({ sessionId: 's', input: { kind: 'note', text: 'x' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unavailable');
      expect(result.error.message).toContain('Extension context invalidated');
    }
  });

  it('treats an answer that is not a Result as a failure', async () => {
    const api = createApiClient(
      vi.fn(async () => undefined),
      'o',
    );
    const result = await api.listQuestions({});
    expect(result.ok).toBe(false);
  });
});

describe('portOrMessage', () => {
  const read = apiRequest('listClients', {}, 'v');
  const write = apiRequest('addItem', { sessionId: 's', input: { kind: 'note', text: 'x' } }, 'v');

  it('sends a read over the open port and a write by runtime message', async () => {
    const overPort = vi.fn(async () => ok('by port'));
    const byMessage = vi.fn(async () => ok('by message'));
    const send = portOrMessage(overPort, byMessage);
    await expect(send(read)).resolves.toEqual(ok('by port'));
    await expect(send(write)).resolves.toEqual(ok('by message'));
    expect(overPort).toHaveBeenCalledTimes(1);
    expect(byMessage).toHaveBeenCalledTimes(1);
    expect(byMessage).toHaveBeenCalledWith(write);
  });

  it('asks a read by runtime message when no port is open, or when the port closes before the answer', async () => {
    const byMessage = vi.fn(async () => ok('by message'));
    await expect(portOrMessage(() => null, byMessage)(read)).resolves.toEqual(ok('by message'));
    const closing = portOrMessage(() => Promise.reject(new Error('The connection … closed')), byMessage);
    await expect(closing(read)).resolves.toEqual(ok('by message'));
    expect(byMessage).toHaveBeenCalledTimes(2);
  });
});
