import { useEffect, useRef } from 'preact/hooks';
import { ok } from '@/lib/api/result';
import type { ContractTextField, Session } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useCaretKept } from '../hooks/useCaretKept';
import { textSpec, useSharedValue } from '../hooks/useSharedText';
import { ConcurrentEdit } from '../ui/ConcurrentEdit';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { SavedTick } from '../ui/SavedTick';

/** Saves one field's `text` if the store still holds `base` for it. */
const contractWrite = ({ sessionId, field }: { sessionId: string; field: ContractTextField }, text: string, base: string) => ({
  sessionId,
  patch: { [field]: text },
  base: { [field]: base },
});

/**
 * One contract text field. Saves only itself (`{ [field]: text }`) 300 ms after typing pauses, against the
 * text it last saw stored, so another view's words are never written over: they are merged when that is
 * unambiguous, or offered under the field (keep mine, use the other, keep both). A failed write keeps the
 * words in the field and offers a retry. Another view's words land here at once while nothing typed here is
 * waiting, even while the field has focus.
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
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const shared = useSharedValue(
    props.value,
    textSpec({
      separator: props.multiline ? '\n' : ' ',
      save: async (text, base) => {
        const result = await env.api.updateContract(contractWrite(props, text, base));
        if (result.ok) props.onSaved(result.value);
        return result;
      },
      write: (text, base) => ({ method: 'updateContract', args: contractWrite(props, text, base) }),
      load: async () => {
        const result = await env.api.getSessionBundle({ sessionId: props.sessionId });
        return result.ok ? ok(result.value.session.contract[props.field]) : result;
      },
    }),
  );

  useEffect(() => shared.seen(props.value), [props.value]);
  useCaretKept(input, shared.value);

  const onInput = (e: Event) => shared.edit((e.currentTarget as HTMLInputElement).value);
  const common = {
    ref: input,
    class: 'input',
    value: shared.value,
    onInput,
    onBlur: () => void shared.flush(),
  };
  const invalid = shared.error ? true : undefined;
  const { concurrent } = shared;

  return (
    <Field
      label={props.label}
      prompt={props.prompt}
      status={<SavedTick status={shared.status} />}
      footer={
        <>
          {concurrent && (
            <ConcurrentEdit
              what={props.label}
              theirs={[{ text: concurrent.theirs }]}
              onKeepMine={concurrent.keepMine}
              onUseTheirs={concurrent.useTheirs}
              onKeepBoth={concurrent.keepBoth}
              onChosen={() => input.current?.focus()}
            />
          )}
          {shared.error && (
            <ErrorNote what={`${props.label} was not saved.`} error={shared.error} kept onRetry={() => void shared.flush()} />
          )}
        </>
      }
    >
      {({ id, describedBy }) =>
        props.multiline ? (
          <textarea {...common} id={id} aria-describedby={describedBy} rows={2} aria-invalid={invalid} />
        ) : (
          <input {...common} id={id} type="text" aria-describedby={describedBy} aria-invalid={invalid} />
        )
      }
    </Field>
  );
}
