/**
 * The session timer, derived from timestamps and `now`. Nothing ticks in storage: a reload, a sleeping
 * laptop or a stopped worker cannot make it drift.
 */
import { DEFAULTS, LIMITS } from '../model/limits';
import { PHASE_NAMES } from '../model/session';
import type { Millis, PhaseName, PhasePlan, TimerState } from '../model/types';

export const PHASE_ORDER: readonly PhaseName[] = PHASE_NAMES;
export const PHASE_LABELS: Record<PhaseName, string> = {
  contracting: 'Contracting',
  exploring: 'Exploring',
  actions: 'Actions',
  closing: 'Closing',
};

export type TimerMode = 'not-started' | 'running' | 'paused' | 'wrap-up' | 'overtime';

export interface TimerView {
  mode: TimerMode;
  paused: boolean;
  elapsedMs: number;
  /** Negative in overtime. */
  remainingMs: number;
  plannedMs: number;
  phase: PhaseName;
  /** Where the current phase ends, as elapsed ms. */
  phaseEndsAtMs: number;
  wrapUp: boolean;
  overtime: boolean;
}

export function newTimer(
  plannedMinutes: number,
  phases: PhasePlan = { ...DEFAULTS.phases },
  warningMinutes: number = DEFAULTS.warningMinutes,
): TimerState {
  return { plannedMinutes, startedAt: null, pausedAt: null, pausedTotalMs: 0, phases, warningMinutes };
}

export function elapsedMs(state: TimerState, now: Millis): number {
  if (state.startedAt === null) return 0;
  const until = state.pausedAt ?? now;
  return Math.max(0, until - state.startedAt - state.pausedTotalMs);
}

/** Phase boundaries as elapsed ms, in phase order. */
export function phaseBoundaries(state: TimerState): { phase: PhaseName; startMs: number; endMs: number }[] {
  const plannedMs = state.plannedMinutes * 60_000;
  const total = PHASE_ORDER.reduce((sum, p) => sum + Math.max(0, state.phases[p]), 0) || 100;
  let start = 0;
  return PHASE_ORDER.map((phase) => {
    const length = (Math.max(0, state.phases[phase]) / total) * plannedMs;
    const entry = { phase, startMs: start, endMs: start + length };
    start += length;
    return entry;
  });
}

export function timerView(state: TimerState, now: Millis): TimerView {
  const elapsed = elapsedMs(state, now);
  const plannedMs = state.plannedMinutes * 60_000;
  const remainingMs = plannedMs - elapsed;
  const bounds = phaseBoundaries(state);
  const current = bounds.find((b) => elapsed < b.endMs) ?? bounds[bounds.length - 1]!;
  const overtime = state.startedAt !== null && remainingMs < 0;
  const wrapUp = state.startedAt !== null && !overtime && remainingMs <= state.warningMinutes * 60_000;
  const paused = state.pausedAt !== null;
  const mode: TimerMode =
    state.startedAt === null ? 'not-started' : paused ? 'paused' : overtime ? 'overtime' : wrapUp ? 'wrap-up' : 'running';
  return { mode, paused, elapsedMs: elapsed, remainingMs, plannedMs, phase: current.phase, phaseEndsAtMs: current.endMs, wrapUp, overtime };
}

export function startTimer(state: TimerState, now: Millis): TimerState {
  if (state.startedAt !== null) return state;
  return { ...state, startedAt: now, pausedAt: null, pausedTotalMs: 0 };
}

export function pauseTimer(state: TimerState, now: Millis): TimerState {
  if (state.startedAt === null || state.pausedAt !== null) return state;
  return { ...state, pausedAt: now };
}

export function resumeTimer(state: TimerState, now: Millis): TimerState {
  if (state.pausedAt === null) return state;
  return { ...state, pausedAt: null, pausedTotalMs: state.pausedTotalMs + Math.max(0, now - state.pausedAt) };
}

export function setLength(state: TimerState, minutes: number): TimerState {
  const clamped = Math.min(LIMITS.sessionMinutes.max, Math.max(LIMITS.sessionMinutes.min, Math.round(minutes)));
  return { ...state, plannedMinutes: clamped };
}

export function resetTimer(state: TimerState): TimerState {
  return { ...state, startedAt: null, pausedAt: null, pausedTotalMs: 0 };
}

/** `mm:ss`, or `h:mm:ss` past an hour; a leading minus in overtime. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${pad(m)}:${pad(s)}`;
}
