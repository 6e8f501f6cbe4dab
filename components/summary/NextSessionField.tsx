import { useId } from 'preact/hooks';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { DueDateField, useTypedDue } from '../ui/DueDateField';
import { ErrorNote } from '../ui/ErrorNote';
import { SavedTick } from '../ui/SavedTick';

/**
 * "Next session": the shared due-date field ("next thu", "+14", "15/12 3pm"; a time behind its toggle),
 * saved once typing pauses. The calendar export holds an event for it and the summary says when it is.
 */
export function NextSessionField(props: { sessionId: string; value: string; onChange(value: string): void }) {
  const { api } = useEnv();
  const id = useId();
  const save = useAutosave<string>((when) => api.setNextSession({ sessionId: props.sessionId, when }));
  const typed = useTypedDue(props.value, (when) => {
    props.onChange(when);
    save.schedule(when);
  });

  return (
    <fieldset class="summary-next" aria-describedby={`${id}-hint`}>
      <legend class="field__label">Next session</legend>
      <div class="summary-next__row" onBlur={() => void save.flush()}>
        <DueDateField
          label="Next session date"
          timeLabel="Next session time (optional)"
          caption=""
          value={typed.typed}
          onChange={typed.change}
        />
        <SavedTick status={save.status} />
      </div>
      <p class="small muted" id={`${id}-hint`}>
        When you plan to meet again: the calendar file (.ics) then holds it too.
      </p>
      {save.error && <ErrorNote what="Next session not saved." error={save.error} kept onRetry={() => void save.flush()} />}
    </fieldset>
  );
}
