import { PHASE_LABELS, PHASE_ORDER, type TimerView } from '@/lib/timer/timer';

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

export function modeText(view: TimerView): ModeWords {
  const phase = PHASE_LABELS[view.phase];
  const minutesLeft = Math.max(0, Math.ceil(view.remainingMs / 60_000));
  const phaseLeft = Math.max(0, Math.ceil((view.phaseEndsAtMs - view.elapsedMs) / 60_000));
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
        long: `Paused · ${phaseLeft} min left in phase`,
        full: `Paused in ${phase}: ${phaseLeft} min left in this phase.`,
      };
    case 'wrap-up': {
      const soon = minutesLeft <= 1;
      return {
        phase,
        short: soon ? 'Wrap-up · <1 min' : `Wrap-up · ${minutesLeft} min`,
        long: soon ? 'Wrap-up · under a minute left' : `Wrap-up · ${minutesLeft} min left`,
        full: `Wrap-up: ${soon ? 'under a minute' : `${minutesLeft} min`} left in the session.`,
      };
    }
    case 'overtime':
      return { phase: 'Overtime', short: 'Past end', long: 'Past planned end', full: 'Overtime: past the planned end of the session.' };
    default: {
      const next = PHASE_ORDER[PHASE_ORDER.indexOf(view.phase) + 1];
      if (!next)
        return {
          phase,
          short: `${minutesLeft} min left`,
          long: `${minutesLeft} min left in the session`,
          full: `${phase}: ${minutesLeft} min left in the session.`,
        };
      const nextLabel = PHASE_LABELS[next];
      return {
        phase,
        short: `${phaseLeft} min left`,
        long: `${phaseLeft} min left · ${nextLabel} next`,
        full: `${phase}: ${phaseLeft} min left in this phase, then ${nextLabel}.`,
      };
    }
  }
}
