import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ItemPatch } from '@/lib/api/contract';
import { keyText } from '@/lib/keymap/keymap';
import { keyIs, pressesButton } from '@/lib/keymap/match';
import { dueFromTyped } from '@/lib/model/dates';
import type { Item, ItemKind } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { Button } from '../ui/Button';
import { dueTextOf } from '../ui/DueDateField';
import { ErrorNote } from '../ui/ErrorNote';
import { SavedTick } from '../ui/SavedTick';
import { CommitmentFields, type CommitmentValue } from './CommitmentFields';
import { KindSwitch } from './KindSwitch';

/**
 * A captured item edited in place: its words, its kind (a belief captured as a commitment can be put
 * right) and, for a commitment, its due date (typed as in capture), how you will know and support. Each
 * change autosaves (300 ms after typing pauses, and on Done, Enter or Escape); a refused save keeps the
 * words and says why. A due date not (yet) understood keeps the stored one until it is.
 */
export function ItemEditor(props: { item: Item; onClose(): void }) {
  const { api, now } = useEnv();
  const { item } = props;
  const idBase = useId();
  const [text, setText] = useState(item.text);
  const [kind, setKind] = useState<ItemKind>(item.kind);
  const [fields, setFields] = useState<CommitmentValue>(() => {
    const typed = dueTextOf(item.due);
    return { dueText: typed.text, dueTime: typed.time, howWillYouKnow: item.howWillYouKnow, support: item.support };
  });
  const autosave = useAutosave<ItemPatch>((patch) => api.updateItem({ id: item.id, patch }));
  const first = useRef<HTMLTextAreaElement>(null);
  // In the commit that shows it (not a frame later): a key typed right after the press on "Edit" lands here.
  useLayoutEffect(() => first.current?.focus(), []);

  const save = (nextText: string, nextKind: ItemKind, next: CommitmentValue) => {
    setText(nextText);
    setKind(nextKind);
    setFields(next);
    const due = dueFromTyped(next.dueText, next.dueTime, now());
    const kindPatch = nextKind === item.kind ? {} : { kind: nextKind };
    autosave.schedule(
      nextKind === 'commitment'
        ? {
            ...kindPatch,
            text: nextText,
            ...(due === null ? {} : { due }),
            howWillYouKnow: next.howWillYouKnow,
            support: next.support,
          }
        : { ...kindPatch, text: nextText },
    );
  };
  const close = async () => {
    await autosave.flush();
    props.onClose();
  };

  return (
    <div
      class="hs-capture__editor"
      onKeyDown={(e) => {
        if (keyIs('capture.done', e) && !keyIs('capture.newline', e) && !pressesButton(e)) {
          e.preventDefault();
          e.stopPropagation();
          void close();
        }
      }}
    >
      <textarea
        ref={first}
        class="input hs-capture__input hs-capture__text"
        aria-label="Edit what was captured"
        rows={1}
        value={text}
        onInput={(e) => save(e.currentTarget.value, kind, fields)}
      />
      <KindSwitch name={`${idBase}-kind`} legend="Edit kind" kind={kind} commitmentsOnly={false} onChange={(k) => save(text, k, fields)} />
      {kind === 'commitment' && <CommitmentFields editing value={fields} onChange={(patch) => save(text, kind, { ...fields, ...patch })} />}
      {autosave.error && <ErrorNote what="Not saved." error={autosave.error} kept onRetry={() => void autosave.flush()} />}
      <div class="hs-capture__editor-foot">
        <span class="hs-capture__hint">
          {keyText('capture.done')} when done <SavedTick status={autosave.status} />
        </span>
        <Button small onClick={() => void close()}>
          Done
        </Button>
      </div>
    </div>
  );
}
