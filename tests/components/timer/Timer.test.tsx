// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok, fail } from '@/lib/api/result';
import type { TimerState } from '@/lib/model/types';
import { Timer } from '@/components/timer/Timer';
import { useTimerActions } from '@/components/timer/useTimerActions';
import { fakeEnv, WithEnv, type FakeEnv } from '../../helpers/fake-env';
import { aSession, aTimer, MIN, NOW } from '../app/fixtures';
import { renderWithEnv } from '../app/render';

let t = NOW;
beforeEach(() => {
  t = NOW;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Harness(props: { timer: TimerState; onSession?: () => void }) {
  const session = aSession({ timer: props.timer });
  const actions = useTimerActions(session, props.onSession ?? (() => {}));
  return <Timer timer={props.timer} actions={actions} />;
}

function show(timer: TimerState, env: FakeEnv = fakeEnv({ now: () => t })) {
  render(
    <WithEnv env={env}>
      <Harness timer={timer} />
    </WithEnv>,
  );
  return env;
}

const clock = () => screen.getByRole('timer', { name: 'Session timer' });

describe('Timer', () => {
  it('not started: shows the full length, "Start timer", and runs no timer at all', () => {
    show(aTimer({ plannedMinutes: 45 }));
    expect(clock().textContent).toBe('45:00');
    expect(clock().dataset.mode).toBe('not-started');
    expect(screen.getByRole('button', { name: 'Start timer' })).toBeTruthy();
    expect(screen.getByRole('spinbutton', { name: 'Session length (minutes)' })).toHaveProperty('value', '45');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('running: counts down once a second from env.now() and shows the phase', async () => {
    show(aTimer({ startedAt: NOW - 2 * MIN }));
    expect(clock().textContent).toBe('58:00');
    expect(screen.getByText('Contracting')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pause timer' })).toBeTruthy();
    expect(vi.getTimerCount()).toBe(1);
    t += 1000;
    await act(async () => void (await vi.advanceTimersByTimeAsync(1005)));
    expect(clock().textContent).toBe('57:59');
    t += 60_000;
    await act(async () => void (await vi.advanceTimersByTimeAsync(1005)));
    expect(clock().textContent).toBe('56:59');
  });

  it('catches up at once when a throttled hidden tab is shown again', async () => {
    show(aTimer({ startedAt: NOW - 2 * MIN }));
    expect(clock().textContent).toBe('58:00');
    t += 10 * MIN; // the tab slept: no tick ran
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    expect(clock().textContent).toBe('48:00');
  });

  it('paused: holds the time, offers "Resume timer", and stops ticking', () => {
    show(aTimer({ startedAt: NOW - 10 * MIN, pausedAt: NOW - 5 * MIN }));
    expect(clock().textContent).toBe('55:00');
    expect(screen.getByText('Paused')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume timer' })).toBeTruthy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('wrap-up: amber and silent; the words say wrap-up, and only the clock counts (no second figure beside it)', () => {
    show(aTimer({ startedAt: NOW - 56 * MIN - 34_000 }));
    expect(clock().dataset.mode).toBe('wrap-up');
    expect(clock().className).toContain('timer-clock--wrap-up');
    expect(clock().textContent).toBe('03:26');
    expect(screen.getByText('Wrap-up')).toBeTruthy();
    // Spoken and on hover: the clock's own digits, never a rounded "4 min" beside 03:26.
    expect(screen.getByText('Wrap-up: 03:26 left in the session.').className).toBe('visually-hidden');
    expect(screen.getByText('Wrap-up').closest('[title]')?.getAttribute('title')).toBe('Wrap-up: 03:26 left in the session.');
    expect(document.querySelector('.timer__readout')!.textContent).not.toMatch(/\d+ min/);
    expect(document.querySelector('audio')).toBeNull();
  });

  it('running: the phase and the next one, with no second "left" figure beside the clock', () => {
    show(aTimer({ startedAt: NOW - 6 * MIN - 50_000 }));
    expect(clock().textContent).toBe('53:10');
    const shown = [...document.querySelectorAll('.timer__readout [aria-hidden="true"]')].map((e) => e.textContent);
    expect(shown).toEqual(['Exploring', 'Actions next', expect.stringMatching(/^Actions in \d+ min$/)]);
    expect(shown.join(' ')).not.toContain('left');
  });

  it('overtime: red, counting up with a plus sign', () => {
    show(aTimer({ startedAt: NOW - 62 * MIN - 5000 }));
    expect(clock().dataset.mode).toBe('overtime');
    expect(clock().textContent).toBe('+02:05');
    expect(screen.getByText('Overtime')).toBeTruthy();
  });

  it('sends start, pause and resume through api.timer', async () => {
    const env = fakeEnv({ now: () => t, api: { timer: async () => ok(aSession()) } });
    const { rerender } = render(
      <WithEnv env={env}>
        <Harness timer={aTimer()} />
      </WithEnv>,
    );
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Start timer' })));
    expect(env.api.timer).toHaveBeenLastCalledWith({ sessionId: 's1', action: { type: 'start' } });
    rerender(
      <WithEnv env={env}>
        <Harness timer={aTimer({ startedAt: NOW })} />
      </WithEnv>,
    );
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Pause timer' })));
    expect(env.api.timer).toHaveBeenLastCalledWith({ sessionId: 's1', action: { type: 'pause' } });
    rerender(
      <WithEnv env={env}>
        <Harness timer={aTimer({ startedAt: NOW, pausedAt: NOW })} />
      </WithEnv>,
    );
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Resume timer' })));
    expect(env.api.timer).toHaveBeenLastCalledWith({ sessionId: 's1', action: { type: 'resume' } });
  });

  it('adjusts the length on change, clamped to the allowed range', async () => {
    const env = show(aTimer(), fakeEnv({ now: () => t, api: { timer: async () => ok(aSession()) } }));
    const length = screen.getByRole('spinbutton', { name: 'Session length (minutes)' });
    fireEvent.input(length, { target: { value: '45' } });
    expect(env.api.timer).not.toHaveBeenCalled();
    await act(async () => void fireEvent.change(length, { target: { value: '45' } }));
    expect(env.api.timer).toHaveBeenCalledWith({ sessionId: 's1', action: { type: 'set-length', minutes: 45 } });
    await act(async () => void fireEvent.change(length, { target: { value: '999' } }));
    expect(env.api.timer).toHaveBeenLastCalledWith({ sessionId: 's1', action: { type: 'set-length', minutes: 240 } });
  });

  it('says when a timer action failed and retries it', async () => {
    const env = show(aTimer(), fakeEnv({ now: () => t, api: { timer: async () => fail('unavailable', 'Holdspace is restarting.') } }));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Start timer' })));
    expect(screen.getByRole('alert').textContent).toContain('The timer did not start.');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Retry' })));
    expect(env.api.timer).toHaveBeenCalledTimes(2);
  });
});

describe('Timer: the wrap-up chime', () => {
  async function crossIntoWrapUp(soundOnWrapUp: boolean) {
    const chime = vi.fn();
    const env = { ...fakeEnv({ now: () => t, settings: { soundOnWrapUp } }), chime };
    renderWithEnv(env, <Harness timer={aTimer({ startedAt: NOW - 55 * MIN + 2000 })} />);
    await act(async () => void (await vi.advanceTimersByTimeAsync(0)));
    expect(clock().dataset.mode).toBe('running');
    t += 3000;
    await act(async () => void (await vi.advanceTimersByTimeAsync(1005)));
    expect(clock().dataset.mode).toBe('wrap-up');
    return chime;
  }

  it('stays silent by default', async () => {
    expect(await crossIntoWrapUp(false)).not.toHaveBeenCalled();
  });

  it('chimes once when the coach enabled it', async () => {
    const chime = await crossIntoWrapUp(true);
    expect(chime).toHaveBeenCalledTimes(1);
    t += 1000;
    await act(async () => void (await vi.advanceTimersByTimeAsync(1005)));
    expect(chime).toHaveBeenCalledTimes(1);
  });

  it('does not chime when it opens already in wrap-up (after a reload)', async () => {
    const chime = vi.fn();
    renderWithEnv(
      { ...fakeEnv({ now: () => t, settings: { soundOnWrapUp: true } }), chime },
      <Harness timer={aTimer({ startedAt: NOW - 57 * MIN })} />,
    );
    await act(async () => void (await vi.advanceTimersByTimeAsync(2010)));
    expect(chime).not.toHaveBeenCalled();
  });
});
