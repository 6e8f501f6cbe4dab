import { useId, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/api/result';
import { dueDay, pad, parseDue } from '@/lib/model/dates';
import { useEnv } from '../app/env';
import { ErrorNote } from '../ui/ErrorNote';
import { SavedTick } from '../ui/SavedTick';
import type { SaveStatus } from '../hooks/useAutosave';

/**
 * "Next session": a date and an optional time, saved on change. The calendar export holds an event for it
 * and the summary says when it is. Plain date and time inputs for now.
 */
export function NextSessionField(props: { sessionId: string; value: string; onChange(value: string): void }) {
  const { api } = useEnv();
  const id = useId();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const parsed = parseDue(props.value);
  const day = parsed ? dueDay(parsed) : '';
  const time = parsed?.time ? `${pad(parsed.time.hour)}:${pad(parsed.time.minute)}` : '';

  const save = async (nextDay: string, nextTime: string) => {
    const when = nextDay ? (nextTime ? `${nextDay}T${nextTime}` : nextDay) : '';
    if (when === props.value) return;
    const before = props.value;
    props.onChange(when);
    setStatus('saving');
    const result = await api.setNextSession({ sessionId: props.sessionId, when });
    setStatus(result.ok ? 'saved' : 'error');
    setError(result.ok ? null : result.error);
    if (!result.ok) props.onChange(before);
  };

  return (
    <fieldset class="summary-next" aria-describedby={`${id}-hint`}>
      <legend class="field__label">Next session</legend>
      <div class="summary-next__row">
        <input
          type="date"
          class="input summary-item__date"
          aria-label="Next session date"
          value={day}
          onChange={(e) => void save(e.currentTarget.value, time)}
        />
        <input
          type="time"
          class="input summary-next__time"
          aria-label="Next session time (optional)"
          value={time}
          disabled={!day}
          onChange={(e) => void save(day, e.currentTarget.value)}
        />
        <SavedTick status={status} />
      </div>
      <p class="small muted" id={`${id}-hint`}>
        When you plan to meet again: the calendar file (.ics) then holds it too.
      </p>
      {error && <ErrorNote what="Next session not saved." error={error} />}
    </fieldset>
  );
}
