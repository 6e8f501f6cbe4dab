import { formatClock, type TimerView } from '@/lib/timer/timer';

/** Remaining time as the coach reads it: `+mm:ss` counting up once past the planned end. */
export function clockText(view: TimerView): string {
  return view.overtime ? `+${formatClock(-view.remainingMs)}` : formatClock(view.remainingMs);
}

/** The one element with role `timer` ("Session timer"): the digits, coloured by mode. */
export function TimerClock(props: { view: TimerView; size?: 'normal' | 'small' }) {
  const { view } = props;
  return (
    <div
      role="timer"
      aria-label="Session timer"
      class={`timer-clock timer-clock--${view.mode} timer-clock--${props.size ?? 'normal'}`}
      data-mode={view.mode}
    >
      {clockText(view)}
    </div>
  );
}
