import { useId } from 'preact/hooks';
import type { Ref } from 'preact';

/**
 * The new date a carried-forward commitment is given: a plain labelled date input for now, kept in this one
 * small component so the shared due-date field (components/ui/DueDateField.tsx) can replace it in one place.
 * `value` and `onChange` speak the record's due format (`YYYY-MM-DD`, or '' for none).
 */
export function NewDateField(props: {
  value: string;
  onChange(value: string): void;
  onKeyDown?: (e: KeyboardEvent) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** What it replaces, in words ("Was due Dec 1"), read with the field. */
  hint: string;
}) {
  const id = useId();
  return (
    <span class="new-date">
      <label class="new-date__label" for={`${id}-input`}>
        New date
      </label>
      <input
        id={`${id}-input`}
        ref={props.inputRef}
        class="input input--date"
        type="date"
        value={props.value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        onKeyDown={props.onKeyDown}
      />
      <span class="muted small" id={`${id}-hint`}>
        {props.hint}
      </span>
    </span>
  );
}
