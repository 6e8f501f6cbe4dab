import { useId } from 'preact/hooks';
import { Button } from './Button';

/**
 * Another view changed the text the coach is typing here, in a way that cannot be merged: a quiet notice
 * under the field with the other view's words and the coach's three choices. The field keeps its words
 * until then, and nothing is written over the other view's. Announced politely; each choice puts focus
 * back in the field (`onChosen`).
 */
export function ConcurrentEdit(props: {
  /** What the text is, e.g. "Topic". */
  what: string;
  /** The other view's words, one entry per part that differs (a label when there is more than one part). */
  theirs: { label?: string; text: string }[];
  onKeepMine(): void;
  onUseTheirs(): void;
  onKeepBoth(): void;
  onChosen?(): void;
}) {
  const id = useId();
  const choose = (act: () => void) => () => {
    act();
    props.onChosen?.();
  };
  return (
    <div class="concurrent-edit" role="group" aria-labelledby={`${id}-title`}>
      <div role="status">
        <p class="concurrent-edit__title" id={`${id}-title`}>
          {props.what} was changed in another view.
        </p>
        <p class="concurrent-edit__lead">Yours is kept above. The other view has:</p>
        {props.theirs.map((part, i) => (
          <p key={i} class="concurrent-edit__theirs">
            {part.label && <span class="concurrent-edit__label">{part.label}: </span>}
            {part.text === '' ? <em>(empty)</em> : part.text}
          </p>
        ))}
      </div>
      <div class="concurrent-edit__actions">
        <Button small variant="secondary" onClick={choose(props.onKeepMine)}>
          Keep mine
        </Button>
        <Button small variant="secondary" onClick={choose(props.onUseTheirs)}>
          Use the other
        </Button>
        <Button small variant="secondary" onClick={choose(props.onKeepBoth)}>
          Keep both
        </Button>
      </div>
    </div>
  );
}
