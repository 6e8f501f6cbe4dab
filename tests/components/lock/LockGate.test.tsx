// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { ok } from '@/lib/api/result';
import type { LockStatus } from '@/lib/api/contract';
import { LockGate } from '@/components/lock/LockGate';
import { fakeEnv, WithEnv } from '../../helpers/fake-env';

afterEach(cleanup);

const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);

/** An unlocked store whose idle lock comes `minutes` after now, as the worker would answer for those settings. */
function gate() {
  let minutes = 30;
  const env = fakeEnv({
    now: () => NOW,
    settings: { lockAfterMinutes: 30 },
    api: {
      lockStatus: async (): Promise<ReturnType<typeof ok<LockStatus>>> =>
        ok({ on: true, locked: false, rewriting: false, lockAt: NOW + minutes * 60_000 }),
    },
  });
  render(
    <WithEnv env={env}>
      <LockGate>
        <p>the app</p>
      </LockGate>
    </WithEnv>,
  );
  return { env, setMinutes: (m: number) => void (minutes = m) };
}

describe('LockGate', () => {
  it('asks again when to lock after the coach changes "Lock after (minutes)"', async () => {
    const { env, setMinutes } = gate();
    await screen.findByText('the app');
    await waitFor(() => expect(env.api.lockStatus).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    const before = env.api.lockStatus.mock.calls.length;
    setMinutes(5);
    await env.settings.update({ lockAfterMinutes: 5 });
    await waitFor(() => expect(env.api.lockStatus.mock.calls.length).toBe(before + 1));
    expect(await env.api.lockStatus.mock.results.at(-1)!.value).toMatchObject({ value: { lockAt: NOW + 5 * 60_000 } });
  });

  it('control: a change to another setting asks nothing again', async () => {
    const { env } = gate();
    await screen.findByText('the app');
    await waitFor(() => expect(env.api.lockStatus).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    const before = env.api.lockStatus.mock.calls.length;
    await env.settings.update({ retentionMonths: 12 });
    await new Promise((r) => setTimeout(r, 50));
    expect(env.api.lockStatus.mock.calls.length).toBe(before);
  });
});
