import { describe, expect, it, vi } from 'vitest';
import type { HoldspaceApi } from '@/lib/api/contract';
import { createDispatcher } from '@/lib/api/dispatcher';
import { fail, HoldspaceError, ok } from '@/lib/api/result';

const request = (method: string, args: unknown = {}) => ({ channel: 'holdspace/api', method, args, view: 'view-a' });

function apiWith(impl: Partial<HoldspaceApi>): HoldspaceApi {
  return impl as HoldspaceApi;
}

describe('createDispatcher', () => {
  it('ignores messages that are not API requests', () => {
    const dispatch = createDispatcher(apiWith({}));
    expect(dispatch({ hs: 'toggle-overlay' })).toBeUndefined();
    expect(dispatch(null)).toBeUndefined();
    expect(dispatch('listClients')).toBeUndefined();
  });

  it('refuses methods outside the contract, including inherited ones', async () => {
    const dispatch = createDispatcher(apiWith({}));
    expect(await dispatch(request('constructor'))).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dispatch(request('__proto__'))).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dispatch(request('dropDatabase'))).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('calls the method and pushes a change event after a successful write', async () => {
    const onChange = vi.fn();
    const addItem = vi.fn(async () => ok({ id: 'i1', sessionId: 's1' }));
    const dispatch = createDispatcher(apiWith({ addItem } as unknown as Partial<HoldspaceApi>), { onChange });
    const result = await dispatch(request('addItem', { sessionId: 's1', input: { kind: 'note', text: 'hello' } }));
    expect(result).toEqual({ ok: true, value: { id: 'i1', sessionId: 's1' } });
    expect(onChange).toHaveBeenCalledWith({ topics: ['items'], view: 'view-a' });
  });

  it('does not push a change for reads or failed writes', async () => {
    const onChange = vi.fn();
    const api = apiWith({
      listClients: async () => ok([]),
      createClient: async () => fail('invalid', 'A client needs a name.', 'name'),
    });
    const dispatch = createDispatcher(api, { onChange });
    await dispatch(request('listClients'));
    await dispatch(request('createClient', { input: { name: '' } }));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('turns thrown errors into typed failures', async () => {
    const api = apiWith({
      getClient: async () => {
        throw new HoldspaceError('not-found', 'No such client.');
      },
      listClients: async () => {
        throw new Error('QuotaExceededError');
      },
    });
    const dispatch = createDispatcher(api);
    expect(await dispatch(request('getClient', { id: 'x' }))).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No such client.' },
    });
    expect(await dispatch(request('listClients'))).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
