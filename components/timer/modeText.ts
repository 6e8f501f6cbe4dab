import { PHASE_LABELS, PHASE_ORDER, type TimerView } from '@/lib/timer/timer';

/** The words beside the digits: the phase, and what the timer is doing when that matters. */
export function modeText(view: TimerView): { phase: string; status: string } {
  const phase = PHASE_LABELS[view.phase];
  const minutesLeft = Math.max(0, Math.ceil(view.remainingMs / 60_000));
  switch (view.mode) {
    case 'not-started':
      return { phase: 'Not started', status: `${Math.round(view.plannedMs / 60_000)} min` };
    case 'paused':
      return { phase, status: 'Paused' };
    case 'wrap-up':
      return { phase, status: minutesLeft <= 1 ? 'Wrap-up · under a minute left' : `Wrap-up · ${minutesLeft} min left` };
    case 'overtime':
      return { phase: 'Overtime', status: 'Past planned end' };
    default: {
      const phaseLeft = Math.max(0, Math.ceil((view.phaseEndsAtMs - view.elapsedMs) / 60_000));
      const next = PHASE_ORDER[PHASE_ORDER.indexOf(view.phase) + 1];
      return { phase, status: next ? `${PHASE_LABELS[next]} in ${phaseLeft} min` : `Ends in ${minutesLeft} min` };
    }
  }
}
