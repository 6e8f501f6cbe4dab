// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionBundle } from '@/lib/api/contract';
import { ok } from '@/lib/api/result';
import type { Session } from '@/lib/model/types';
import { useActiveSession, type ActiveSession } from '@/components/hooks/useActiveSession';
import { fakeEnv, WithEnv } from '../../helpers/fake-env';
import { aBundle, aContract, aSession, NOW } from '../app/fixtures';

afterEach(cleanup);

let seen: ActiveSession | null = null;
function Probe() {
  seen = useActiveSession();
  return <p>{seen.data ? seen.data.session.contract.topic || 'active' : seen.loading ? 'loading' : 'none'}</p>;
}

describe('useActiveSession', () => {
  it('loads the active session and reloads when a session starts or ends', async () => {
    let bundle: SessionBundle | null = aBundle();
    const env = fakeEnv({ api: { activeSession: async () => ok(bundle) } });
    render(
      <WithEnv env={env}>
        <Probe />
      </WithEnv>,
    );
    expect(await screen.findByText('active')).toBeTruthy();
    bundle = null;
    await act(() => env.emit({ topics: ['session'] }));
    expect(await screen.findByText('none')).toBeTruthy();
  });

  it('shows a session a write returned at once, unless the store has a newer one', async () => {
    const env = fakeEnv({ api: { activeSession: async () => ok(aBundle()) } });
    render(
      <WithEnv env={env}>
        <Probe />
      </WithEnv>,
    );
    await screen.findByText('active');
    const newer: Session = aSession({ contract: aContract({ topic: 'Burnout' }), updatedAt: NOW + 1 });
    await act(() => seen!.apply(newer));
    expect(screen.getByText('Burnout')).toBeTruthy();
    await act(() => seen!.apply(aSession({ contract: aContract({ topic: 'Stale' }), updatedAt: NOW - 1 })));
    expect(screen.getByText('active')).toBeTruthy();
    await act(() => seen!.apply(aSession({ status: 'ended', updatedAt: NOW + 2 })));
    expect(screen.getByText('none')).toBeTruthy();
  });
});
