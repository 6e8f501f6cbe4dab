import { describe, expect, it } from 'vitest';
import {
  elapsedMs,
  formatClock,
  newTimer,
  pauseTimer,
  phaseBoundaries,
  resetTimer,
  resumeTimer,
  setLength,
  startTimer,
  timerView,
} from '@/lib/timer/timer';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);

describe('timer', () => {
  it('is not started until started, and shows the whole planned length', () => {
    const view = timerView(newTimer(60), T0 + 10 * MIN);
    expect(view).toMatchObject({ mode: 'not-started', elapsedMs: 0, remainingMs: 60 * MIN, phase: 'contracting' });
  });

  it('derives elapsed time from timestamps, excluding pauses', () => {
    let t = startTimer(newTimer(60), T0);
    t = pauseTimer(t, T0 + 10 * MIN);
    expect(elapsedMs(t, T0 + 30 * MIN)).toBe(10 * MIN); // paused: frozen however long the laptop sleeps
    t = resumeTimer(t, T0 + 30 * MIN);
    expect(t.pausedTotalMs).toBe(20 * MIN);
    expect(elapsedMs(t, T0 + 35 * MIN)).toBe(15 * MIN);
    expect(timerView(t, T0 + 35 * MIN).mode).toBe('running');
  });

  it('moves through the phases by the default split (10/60/20/10 %)', () => {
    const t = startTimer(newTimer(60), T0);
    expect(timerView(t, T0 + 5 * MIN).phase).toBe('contracting');
    expect(timerView(t, T0 + 6 * MIN).phase).toBe('exploring');
    expect(timerView(t, T0 + 42 * MIN).phase).toBe('actions');
    expect(timerView(t, T0 + 55 * MIN).phase).toBe('closing');
    expect(phaseBoundaries(t).map((b) => b.endMs / MIN)).toEqual([6, 42, 54, 60]);
  });

  it('warns at wrap-up and shows overtime after the planned end', () => {
    const t = startTimer(newTimer(60, undefined, 5), T0);
    expect(timerView(t, T0 + 54 * MIN).mode).toBe('running');
    expect(timerView(t, T0 + 55 * MIN)).toMatchObject({ mode: 'wrap-up', wrapUp: true, overtime: false });
    expect(timerView(t, T0 + 61 * MIN)).toMatchObject({ mode: 'overtime', overtime: true, remainingMs: -1 * MIN });
    expect(timerView(pauseTimer(t, T0 + 56 * MIN), T0 + 90 * MIN).mode).toBe('paused');
  });

  it('ignores impossible transitions and clamps the length', () => {
    const t = newTimer(60);
    expect(pauseTimer(t, T0)).toBe(t);
    expect(resumeTimer(t, T0)).toBe(t);
    const started = startTimer(t, T0);
    expect(startTimer(started, T0 + MIN)).toBe(started);
    expect(setLength(t, 2).plannedMinutes).toBe(5);
    expect(setLength(t, 999).plannedMinutes).toBe(240);
    expect(setLength(t, 44.6).plannedMinutes).toBe(45);
    expect(resetTimer(started).startedAt).toBeNull();
  });

  it('formats the clock, with hours and overtime', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(59_999)).toBe('00:59');
    expect(formatClock(61 * MIN + 5000)).toBe('1:01:05');
    expect(formatClock(-90_000)).toBe('-01:30');
  });
});
