import { useEffect, useRef } from 'preact/hooks';
import { ok } from '@/lib/api/result';
import { useEnv } from '../app/env';
import { textSpec, useSharedValue } from '../hooks/useSharedText';
import { ConcurrentEdit } from '../ui/ConcurrentEdit';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { SavedTick } from '../ui/SavedTick';

/**
 * The coach's closing reflection: private, autosaved while typing, and shared like a contract field
 * (components/hooks/useSharedText.ts): each save is made against the reflection this view last saw stored,
 * so when the summary is open in two views neither writes over the other's words. Changes in separate places
 * are merged; changes at the same place keep the coach's words here and offer the other view's beside them.
 * `initial` is what this summary shows (with this view's typing); `stored` what the store holds now.
 */
export function ReflectionField(props: { sessionId: string; initial: string; stored: string; onChange(text: string): void }) {
  const { api } = useEnv();
  const input = useRef<HTMLTextAreaElement>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const shared = useSharedValue(
    props.initial,
    textSpec({
      separator: '\n',
      save: (text, base) => api.setReflection({ sessionId: props.sessionId, text, base }),
      write: (text, base) => ({ method: 'setReflection', args: { sessionId: props.sessionId, text, base } }),
      load: async () => {
        const result = await api.getSessionBundle({ sessionId: props.sessionId });
        return result.ok ? ok(result.value.session.reflection) : result;
      },
    }),
  );
  useEffect(() => shared.seen(props.stored), [props.stored]);
  // The exports follow what the field shows, merged words included.
  useEffect(() => {
    if (shared.value !== props.initial) onChange.current(shared.value);
  }, [shared.value]);
  const { concurrent } = shared;

  return (
    <Field
      label="Closing reflection"
      prompt="Coach-private. What did you notice about this session, and about yourself as coach?"
      status={<SavedTick status={shared.status} />}
      footer={
        <>
          {concurrent && (
            <ConcurrentEdit
              what="Closing reflection"
              theirs={[{ text: concurrent.theirs }]}
              onKeepMine={concurrent.keepMine}
              onUseTheirs={concurrent.useTheirs}
              onKeepBoth={concurrent.keepBoth}
              onChosen={() => input.current?.focus()}
            />
          )}
          {shared.error && <ErrorNote what="Reflection not saved." error={shared.error} kept onRetry={() => void shared.flush()} />}
        </>
      }
    >
      {(ids) => (
        <textarea
          ref={input}
          id={ids.id}
          aria-describedby={ids.describedBy}
          class="input summary__reflection"
          rows={4}
          value={shared.value}
          onInput={(e) => shared.edit(e.currentTarget.value)}
          onBlur={() => void shared.flush()}
        />
      )}
    </Field>
  );
}
