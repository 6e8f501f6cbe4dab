import type { TimerState } from '@/lib/model/types';
import { timerView, type TimerView } from '@/lib/timer/timer';
import { useNow } from './useNow';

/** The timer as of now, re-rendered once a second only while it runs (ticks aligned to elapsed seconds). */
export function useTimerView(timer: TimerState): TimerView {
  const running = timer.startedAt !== null && timer.pausedAt === null;
  const now = useNow(running, running ? -(timer.startedAt ?? 0) - timer.pausedTotalMs : 0);
  return timerView(timer, now);
}
