import { useId, useRef, useState } from 'preact/hooks';
import type { EngagementView } from '@/lib/api/contract';
import type { ApiError } from '@/lib/api/result';
import { GOAL_STATUSES, goalMeasure, goalStatus, type GoalStatus } from '@/lib/model/client';
import { formatDay } from '@/lib/model/dates';
import type { Session } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { SavedTick } from '../ui/SavedTick';

const STATUS_LABELS: Record<GoalStatus, string> = { active: 'Active', achieved: 'Achieved', dropped: 'Dropped' };

type GoalRow = EngagementView['goals'][number];

/**
 * The engagement's goals: what the client hired a coach for. Each with how we will know (its measure), its
 * status, and the sessions whose contract was linked to it. A new goal is typed and added with Enter.
 */
/** `sessions`: the engagement's sessions, oldest first. */
export function EngagementGoals(props: { clientId: string; goals: GoalRow[]; sessions: Session[]; now: number }) {
  const env = useEnv();
  const ids = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<{ what: string; error: ApiError | string } | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  // Sessions are told by their number in the engagement and their day ("session 3 on Dec 16").
  const day = new Map(props.sessions.map((s, i) => [s.id, `session ${i + 1} on ${formatDay(s.startedAt, props.now)}`]));

  const add = async () => {
    if (busy) return;
    if (!text.trim()) {
      setProblem({ what: 'No goal added.', error: 'Write the goal first, in the client’s words, then Add goal.' });
      box.current?.focus();
      return;
    }
    setBusy(true);
    const result = await env.api.addGoal({ clientId: props.clientId, goal: { text } });
    setBusy(false);
    if (!result.ok) {
      setProblem({ what: 'The goal was not added.', error: result.error });
      return;
    }
    setProblem(null);
    setText('');
    box.current?.focus();
  };

  return (
    <div class="goals">
      <h3 class="sub-title" id={`${ids}-title`}>
        Engagement goals
      </h3>
      {props.goals.length === 0 ? (
        <p class="muted small">No goals yet. What does the client want from coaching overall, and how will you both know?</p>
      ) : (
        <ul class="goals__list" aria-label="Engagement goals">
          {props.goals.map((row) => (
            <GoalItem key={row.goal.id} clientId={props.clientId} row={row} day={day} />
          ))}
        </ul>
      )}
      <form
        class="goals__add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label class="visually-hidden" for={`${ids}-new`}>
          New goal
        </label>
        <input
          ref={box}
          id={`${ids}-new`}
          class="input"
          type="text"
          placeholder="New goal, in the client’s words"
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setProblem(null);
          }}
        />
        <Button type="submit" small aria-busy={busy}>
          Add goal
        </Button>
      </form>
      {problem && <ErrorNote what={problem.what} error={problem.error} />}
    </div>
  );
}

function GoalItem(props: { clientId: string; row: GoalRow; day: Map<string, string> }) {
  const env = useEnv();
  const ids = useId();
  const { goal, sessionIds } = props.row;
  const [measure, setMeasure] = useState(goalMeasure(goal));
  const [status, setStatus] = useState<GoalStatus>(goalStatus(goal));
  const [statusError, setStatusError] = useState<ApiError | null>(null);
  const save = useAutosave<string>((m) => env.api.updateGoal({ clientId: props.clientId, goalId: goal.id, patch: { measure: m } }));
  const linked = sessionIds.map((id) => props.day.get(id)).filter((d): d is string => d !== undefined);

  const changeStatus = async (next: GoalStatus) => {
    const before = status;
    setStatus(next);
    const result = await env.api.updateGoal({ clientId: props.clientId, goalId: goal.id, patch: { status: next } });
    if (result.ok) setStatusError(null);
    else {
      setStatus(before);
      setStatusError(result.error);
    }
  };

  return (
    <li class={`goal goal--${status}`}>
      <fieldset class="goal__box">
        <legend class="goal__text">
          <bdi>{goal.text}</bdi>
        </legend>
        <div class="goal__row">
          <div class="goal__measure">
            <div class="field__head">
              <label class="field__label" for={`${ids}-m`}>
                How will we know
              </label>
              <SavedTick status={save.status} />
            </div>
            <input
              id={`${ids}-m`}
              class="input"
              type="text"
              value={measure}
              onInput={(e) => {
                setMeasure(e.currentTarget.value);
                save.schedule(e.currentTarget.value);
              }}
              onBlur={() => void save.flush()}
            />
          </div>
          <div class="goal__status">
            <label class="field__label" for={`${ids}-s`}>
              Status
            </label>
            <select id={`${ids}-s`} class="input" value={status} onChange={(e) => void changeStatus(e.currentTarget.value as GoalStatus)}>
              {GOAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p class="muted small">
          {linked.length === 0
            ? 'No session linked yet: choose this goal in a session’s contract.'
            : `Sessions on this goal: ${linked.join(', ')}.`}
        </p>
        {save.error && <ErrorNote what="How will we know was not saved." error={save.error} kept onRetry={() => void save.flush()} />}
        {statusError && <ErrorNote what="The status was not changed." error={statusError} />}
      </fieldset>
    </li>
  );
}
