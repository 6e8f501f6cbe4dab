import type { Ref } from 'preact';
import { DueDateField, useTypedDue } from '../ui/DueDateField';

/**
 * The new date a carried-forward commitment is given: the shared due-date field ("+14", "fri", "15/12", the
 * day it understood beside it), named "New date". `value` and `onChange` speak the record's due format
 * (`YYYY-MM-DD`, with `THH:mm` when a time is set, or '' for none); `onChange` is called only with a value
 * the field understood. `hint` says what stays while nothing is typed ("Still due 1 Dec until you set one.").
 * Enter (`onKeyDown`) goes from the field to the review's note.
 */
export function NewDateField(props: {
  value: string;
  onChange(value: string): void;
  onKeyDown?: (e: KeyboardEvent) => void;
  inputRef?: Ref<HTMLInputElement>;
  hint: string;
}) {
  const { typed, change } = useTypedDue(props.value, props.onChange);
  return (
    <div class="new-date" onKeyDown={props.onKeyDown}>
      <DueDateField label="New date" timeLabel="New time" value={typed} onChange={change} inputRef={props.inputRef} empty={props.hint} />
    </div>
  );
}
