/**
 * The open stage tab, remembered in the view's state (`deck:stage`) so reopening the overlay or side panel shows the
 * same tab. A stage handed in by the shell (e.g. "contracting" from the contract form) wins over the draft.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { STAGES, type Stage } from '@/lib/model/types';
import { useEnv } from '../app/env';

const STAGE_KEY = 'deck:stage';

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function useDeckStage(requested: Stage | undefined): [Stage, (stage: Stage) => void] {
  const { viewState } = useEnv();
  const [stage, setStageState] = useState<Stage>(requested ?? STAGES[0]!);
  const chosen = useRef(requested !== undefined);

  useEffect(() => {
    if (chosen.current) return;
    let live = true;
    void viewState.get(STAGE_KEY).then((saved) => {
      if (live && !chosen.current && isStage(saved)) setStageState(saved);
    });
    return () => {
      live = false;
    };
  }, []);

  const setStage = (next: Stage) => {
    chosen.current = true;
    setStageState(next);
    void viewState.set(STAGE_KEY, next);
  };

  useEffect(() => {
    if (requested !== undefined) setStage(requested);
  }, [requested]);

  return [stage, setStage];
}
