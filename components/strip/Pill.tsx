import type { TimerState } from '@/lib/model/types';
import type { OverlayFrame } from '../app/env';
import { Button } from '../ui/Button';
import { useWrapUpChime } from '../timer/chime';
import { TimerClock } from '../timer/TimerClock';
import { useTimerView } from '../timer/useTimerView';
import { MoveHandle } from './MoveHandle';

/** The collapsed overlay: the timer (when a session runs) and "Show panel". Nothing private on it. */
export function Pill(props: { timer: TimerState | null; frame: OverlayFrame | null; onShow(): void }) {
  return (
    <div class="pill">
      {props.frame && <MoveHandle frame={props.frame} />}
      {props.timer ? <PillClock timer={props.timer} /> : <span class="pill__brand">Holdspace</span>}
      <Button small variant="secondary" onClick={props.onShow} aria-keyshortcuts="Alt+H" title="Show panel (Alt+H)">
        Show panel
      </Button>
    </div>
  );
}

function PillClock(props: { timer: TimerState }) {
  const view = useTimerView(props.timer);
  useWrapUpChime(view.mode);
  return <TimerClock view={view} size="small" />;
}
