import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContractTextField, Session } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { SavedTick } from '../ui/SavedTick';

/**
 * One contract text field. Saves only itself (`{ [field]: text }`) 300 ms after typing pauses; a failed
 * write keeps the words in the field and offers a retry. Updates from other views land when the coach
 * is not typing here.
 */
export function ContractField(props: {
  sessionId: string;
  field: ContractTextField;
  label: string;
  prompt?: string;
  value: string;
  multiline: boolean;
  onSaved(session: Session): void;
}) {
  const env = useEnv();
  const [text, setText] = useState(props.value);
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const autosave = useAutosave(async (value: string) => {
    const result = await env.api.updateContract({ sessionId: props.sessionId, patch: { [props.field]: value } });
    if (result.ok) props.onSaved(result.value);
    return result;
  });

  const busy = autosave.status === 'pending' || autosave.status === 'saving' || autosave.status === 'error';
  useEffect(() => {
    if (!busy && document.activeElement !== input.current) setText(props.value);
  }, [props.value]);

  const onInput = (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setText(value);
    autosave.schedule(value);
  };
  const common = {
    ref: input,
    class: 'input',
    value: text,
    onInput,
    // Leaving the field: save what is pending, or take words another view stored while it had focus.
    onBlur: () => (busy ? void autosave.flush() : setText(props.value)),
  };

  return (
    <Field
      label={props.label}
      prompt={props.prompt}
      status={<SavedTick status={autosave.status} />}
      footer={
        autosave.error && (
          <ErrorNote what={`${props.label} was not saved.`} error={autosave.error} kept onRetry={() => void autosave.flush()} />
        )
      }
    >
      {({ id, describedBy }) =>
        props.multiline ? (
          <textarea {...common} id={id} aria-describedby={describedBy} rows={2} aria-invalid={autosave.error ? true : undefined} />
        ) : (
          <input {...common} id={id} type="text" aria-describedby={describedBy} aria-invalid={autosave.error ? true : undefined} />
        )
      }
    </Field>
  );
}
