import { chordText, keyEntry } from '@/lib/keymap/keymap';
import { ITEM_KIND_LABELS, ITEM_KINDS, type ItemKind } from '@/lib/model/types';

/**
 * The kind of the next capture: a radio group drawn as segmented buttons (arrow keys move within it).
 * With a client who keeps no notes, only "Commitment" is offered.
 */
export function KindSwitch(props: {
  name: string;
  /** The group's name for screen readers ("Kind"; "Edit kind" in the editor). */
  legend?: string;
  kind: ItemKind;
  commitmentsOnly: boolean;
  onChange(kind: ItemKind, byPointer: boolean): void;
}) {
  return (
    <fieldset class="hs-capture__kinds">
      <legend class="visually-hidden">{props.legend ?? 'Kind'}</legend>
      {ITEM_KINDS.map((kind, index) => {
        const disabled = props.commitmentsOnly && kind !== 'commitment';
        return (
          <label
            key={kind}
            class={`hs-capture__kind${disabled ? ' hs-capture__kind--off' : ''}`}
            title={disabled ? undefined : chordText(keyEntry('capture.kind').keys[index]!)}
          >
            <input
              type="radio"
              class="visually-hidden"
              name={props.name}
              value={kind}
              checked={props.kind === kind}
              disabled={disabled}
              onClick={(e) => props.onChange(kind, e.detail > 0)}
            />
            <span>{ITEM_KIND_LABELS[kind]}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
