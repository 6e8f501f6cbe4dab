import { ariaKeys, keyText } from '@/lib/keymap/keymap';
import type { Ref } from 'preact';
import type { TimerState } from '@/lib/model/types';
import type { OverlayFrame } from '@/lib/view/ports';
import { Button } from '../ui/Button';
import { useWrapUpChime } from '../timer/chime';
import { TimerClock } from '../timer/TimerClock';
import { useTimerView } from '../timer/useTimerView';
import { MoveHandle } from './MoveHandle';

/** The collapsed overlay: the timer (when a session runs) and "Show panel". Nothing private on it, not even in its heading. */
export function Pill(props: { timer: TimerState | null; frame: OverlayFrame | null; onShow(): void; showRef?: Ref<HTMLButtonElement> }) {
  // The whole page while collapsed: its main landmark, with the page's one heading (the name shown, or
  // hidden beside the timer), so screen readers and axe find the same structure as in the full panel.
  return (
    <main class="pill">
      {props.frame && <MoveHandle frame={props.frame} />}
      <h1 class={props.timer ? 'visually-hidden' : 'pill__brand'}>Holdspace</h1>
      {props.timer && <PillClock timer={props.timer} />}
      <Button
        small
        variant="secondary"
        onClick={props.onShow}
        buttonRef={props.showRef}
        aria-keyshortcuts={ariaKeys('panel.hide')}
        title={`Show panel (${keyText('panel.hide')})`}
      >
        Show panel
      </Button>
    </main>
  );
}

function PillClock(props: { timer: TimerState }) {
  const view = useTimerView(props.timer);
  useWrapUpChime(view.mode);
  return <TimerClock view={view} size="small" />;
}
