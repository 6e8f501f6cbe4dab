import { useState } from 'preact/hooks';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { SavedTick } from '../ui/SavedTick';

/** The coach's closing reflection: private, autosaved while typing. */
export function ReflectionField(props: { sessionId: string; initial: string; onChange(text: string): void }) {
  const { api } = useEnv();
  const [text, setText] = useState(props.initial);
  const autosave = useAutosave<string>((value) => api.setReflection({ sessionId: props.sessionId, text: value }));
  return (
    <Field
      label="Closing reflection"
      prompt="Coach-private. What did you notice about this session, and about yourself as coach?"
      status={<SavedTick status={autosave.status} />}
    >
      {(ids) => (
        <div class="stack">
          <textarea
            id={ids.id}
            aria-describedby={ids.describedBy}
            class="input summary__reflection"
            rows={4}
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              props.onChange(e.currentTarget.value);
              autosave.schedule(e.currentTarget.value);
            }}
            onBlur={() => void autosave.flush()}
          />
          {autosave.error && <ErrorNote what="Reflection not saved." error={autosave.error} kept onRetry={() => void autosave.flush()} />}
        </div>
      )}
    </Field>
  );
}
