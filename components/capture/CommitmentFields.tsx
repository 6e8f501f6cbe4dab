import type { Ref } from 'preact';
import type { DayMonthOrder } from '@/lib/model/dates';
import { DueDateField } from '../ui/DueDateField';
import type { CaptureDraft } from './draft';

export type CommitmentValue = Pick<CaptureDraft, 'dueText' | 'dueTime' | 'howWillYouKnow' | 'support'>;

/**
 * What makes a commitment one: by when (one text field that reads "fri", "+7", "15/12"; a time behind a
 * toggle), how the coach will know, and what support the client has — in that Tab order, one stop each.
 * `editing` names the fields "Edit …" for a captured commitment edited in place.
 */
export function CommitmentFields(props: {
  value: CommitmentValue;
  editing?: boolean;
  order?: DayMonthOrder;
  dueRef?: Ref<HTMLInputElement>;
  onChange(patch: Partial<CommitmentValue>): void;
}) {
  const { value, onChange } = props;
  const name = (label: string) => (props.editing ? `Edit ${label.toLowerCase()}` : label);
  return (
    <div class="hs-capture__commitment">
      <DueDateField
        class="hs-capture__field hs-capture__field--wide"
        label={name('Due date')}
        caption="Due date"
        value={{ text: value.dueText, time: value.dueTime }}
        order={props.order}
        inputRef={props.dueRef}
        nudge
        onChange={(next) => onChange({ dueText: next.text, dueTime: next.time })}
      />
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
