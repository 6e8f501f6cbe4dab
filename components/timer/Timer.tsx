import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ariaKeys } from '@/lib/keymap/keymap';
import type { TimerState } from '@/lib/model/types';
import { LIMITS } from '@/lib/model/limits';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Kbd } from '../ui/Kbd';
import { useWrapUpChime } from './chime';
import { modeText } from './modeText';
import { TimerClock } from './TimerClock';
import type { TimerActions } from './useTimerActions';
import { useTimerView } from './useTimerView';

const TIMER_ERROR: Record<string, string> = {
  start: 'The timer did not start.',
  pause: 'The timer did not pause.',
  resume: 'The timer did not resume.',
  'set-length': 'The new length was not saved.',
  reset: 'The timer was not reset.',
};

/**
 * Remaining time, the phase, start/pause/resume and the planned length. Re-renders once a second only
 * while running; the wrap-up warning is amber and silent, overtime is red and counts up.
 */
export function Timer(props: {
  timer: TimerState;
  actions: TimerActions;
  /** Placed at the end of the second row (e.g. End session). */ children?: ComponentChildren;
}) {
  const { timer, actions } = props;
  const view = useTimerView(timer);
  useWrapUpChime(view.mode);
  const words = modeText(view);

  const button =
    view.mode === 'not-started'
      ? { text: 'Start', icon: 'play' as const, variant: 'primary' as const }
      : view.paused
        ? { text: 'Resume', icon: 'play' as const, variant: 'primary' as const }
        : { text: 'Pause', icon: 'pause' as const, variant: 'secondary' as const };

  return (
    <div class={`timer timer--${view.mode}`}>
      <div class="timer__main">
        <div class="timer__readout">
          <TimerClock view={view} />
          {/* Short words on screen (no ellipsis at 360 px), the whole sentence for screen readers and on hover. */}
          <div class="timer__words" title={words.full}>
            <span class="timer__phase" aria-hidden="true">
              {words.phase}
            </span>
            <span class="timer__status timer__status--short" aria-hidden="true">
              {words.short}
            </span>
            <span class="timer__status timer__status--long" aria-hidden="true">
              {words.long}
            </span>
            <span class="visually-hidden">{words.full}</span>
          </div>
        </div>
        <Button
          small
          variant={button.variant}
          icon={button.icon}
          aria-keyshortcuts={ariaKeys('timer.toggle')}
          aria-busy={actions.busy}
          onClick={() => void actions.toggle()}
        >
          {/* Named by its content ("Start timer"): an aria-label would leave the visible key hint out of the name. */}
          {button.text}
          <span class="visually-hidden"> timer</span>
          <Kbd shortcut="timer.toggle" />
        </Button>
      </div>
      <div class="timer__more">
        <LengthInput minutes={timer.plannedMinutes} onCommit={(minutes) => void actions.run({ type: 'set-length', minutes })} />
        {props.children}
      </div>
      {actions.error && actions.failed && (
        <ErrorNote
          what={TIMER_ERROR[actions.failed.type] ?? 'The timer did not change.'}
          error={actions.error}
          onRetry={() => void actions.run(actions.failed!)}
        />
      )}
    </div>
  );
}

/** "Session length (minutes)": commits on change (arrow keys, Enter, leaving the field), not per digit. */
function LengthInput(props: { minutes: number; onCommit(minutes: number): void }) {
  const [text, setText] = useState(String(props.minutes));
  useEffect(() => setText(String(props.minutes)), [props.minutes]);
  const commit = (raw: string) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || raw.trim() === '') return setText(String(props.minutes));
    const clamped = Math.min(LIMITS.sessionMinutes.max, Math.max(LIMITS.sessionMinutes.min, Math.round(n)));
    setText(String(clamped));
    if (clamped !== props.minutes) props.onCommit(clamped);
  };
  return (
    <label class="timer__length">
      <span aria-hidden="true">Length</span>
      <input
        type="number"
        inputMode="numeric"
        aria-label="Session length (minutes)"
        min={LIMITS.sessionMinutes.min}
        max={LIMITS.sessionMinutes.max}
        step={5}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      <span aria-hidden="true">min</span>
    </label>
  );
}
