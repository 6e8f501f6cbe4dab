import { formatClock, PHASE_LABELS, PHASE_ORDER, type TimerView } from '@/lib/timer/timer';

/**
 * The words beside the digits. `phase` is the first line; the second is `short` where space is tight (the
 * overlay at 360 px, a narrow panel) and `long` in the wide panel; `full` says it all in one sentence, for
 * screen readers and the tooltip.
 */
export interface ModeWords {
  phase: string;
  short: string;
  long: string;
  full: string;
}

/**
 * The clock is the one countdown (time left in the session): the words never give a second "left" figure
 * beside it. They say the phase and what comes next; only the wide panel adds when the next phase starts,
 * and the spoken sentence gives the session's time in the clock's own digits.
 */
export function modeText(view: TimerView): ModeWords {
  const phase = PHASE_LABELS[view.phase];
  const clock = formatClock(Math.max(0, view.remainingMs));
  const phaseLeft = Math.max(0, Math.ceil((view.phaseEndsAtMs - view.elapsedMs) / 60_000));
  const next = PHASE_ORDER[PHASE_ORDER.indexOf(view.phase) + 1];
  const nextLabel = next ? PHASE_LABELS[next] : null;
  switch (view.mode) {
    case 'not-started': {
      const planned = Math.round(view.plannedMs / 60_000);
      return {
        phase: 'Not started',
        short: `${planned} min`,
        long: `${planned} min planned`,
        full: `Timer not started: ${planned} min planned.`,
      };
    }
    case 'paused':
      return {
        phase,
        short: 'Paused',
        long: `Paused in ${phase}`,
        full: `Paused in ${phase}, ${clock} left in the session.`,
      };
    case 'wrap-up':
      return {
        phase,
        short: 'Wrap-up',
        long: 'Wrap-up: time to close',
        full: `Wrap-up: ${clock} left in the session.`,
      };
    case 'overtime':
      return { phase: 'Overtime', short: 'Past end', long: 'Past planned end', full: 'Overtime: past the planned end of the session.' };
    default:
      if (!nextLabel)
        return {
          phase,
          short: 'Last phase',
          long: 'Last phase, to the end',
          full: `${phase}, the last phase: ${clock} left in the session.`,
        };
      return {
        phase,
        short: `${nextLabel} next`,
        long: `${nextLabel} in ${phaseLeft} min`,
        full: `${phase}: ${clock} left in the session; ${nextLabel} in ${phaseLeft} min.`,
      };
  }
}
