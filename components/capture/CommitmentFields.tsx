import type { CaptureDraft } from './draft';

export type CommitmentValue = Pick<CaptureDraft, 'dueDate' | 'dueTime' | 'howWillYouKnow' | 'support'>;

/**
 * What makes a commitment one: by when (a date, optionally a time), how the coach will know, and what
 * support the client has. `editing` names the fields "Edit …" for a captured commitment edited in place.
 */
export function CommitmentFields(props: { value: CommitmentValue; editing?: boolean; onChange(patch: Partial<CommitmentValue>): void }) {
  const { value, onChange } = props;
  const name = (label: string) => (props.editing ? `Edit ${label.toLowerCase()}` : label);
  const noDate = value.dueDate === '' && value.dueTime === '';
  return (
    <div class="hs-capture__commitment">
      <label class="hs-capture__field hs-capture__field--date">
        <span>Due date</span>
        <input
          type="date"
          class="input hs-capture__input"
          aria-label={name('Due date')}
          value={value.dueDate}
          onInput={(e) => onChange({ dueDate: e.currentTarget.value })}
        />
      </label>
      <label class="hs-capture__field hs-capture__field--time">
        <span>Time</span>
        <input
          type="time"
          class="input hs-capture__input"
          aria-label={name('Due time')}
          value={value.dueTime}
          disabled={noDate}
          title={noDate ? 'Pick a date first' : undefined}
          onInput={(e) => onChange({ dueTime: e.currentTarget.value })}
        />
      </label>
      <label class="hs-capture__field hs-capture__field--wide">
        <span>How will you know</span>
        <input
          class="input hs-capture__input"
          aria-label={name('How will you know')}
          value={value.howWillYouKnow}
          onInput={(e) => onChange({ howWillYouKnow: e.currentTarget.value })}
        />
      </label>
      <label class="hs-capture__field hs-capture__field--wide">
        <span>Support</span>
        <input
          class="input hs-capture__input"
          aria-label={name('Support')}
          value={value.support}
          onInput={(e) => onChange({ support: e.currentTarget.value })}
        />
      </label>
    </div>
  );
}
