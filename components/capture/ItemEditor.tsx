import { useEffect, useRef, useState } from 'preact/hooks';
import type { ItemPatch } from '@/lib/api/contract';
import { keyText } from '@/lib/keymap/keymap';
import { keyIs, pressesButton } from '@/lib/keymap/match';
import type { Item } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { SavedTick } from '../ui/SavedTick';
import { CommitmentFields, type CommitmentValue } from './CommitmentFields';
import { joinDue, splitDue } from './draft';

/**
 * A captured item edited in place. Each change autosaves (300 ms after typing pauses, and on Done, Enter
 * or Escape); a refused save keeps the words and says why.
 */
export function ItemEditor(props: { item: Item; onClose(): void }) {
  const { api } = useEnv();
  const { item } = props;
  const isCommitment = item.kind === 'commitment';
  const [text, setText] = useState(item.text);
  const [fields, setFields] = useState<CommitmentValue>(() => {
    const { date, time } = splitDue(item.due);
    return { dueDate: date, dueTime: time, howWillYouKnow: item.howWillYouKnow, support: item.support };
  });
  const autosave = useAutosave<ItemPatch>((patch) => api.updateItem({ id: item.id, patch }));
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = (nextText: string, next: CommitmentValue) => {
    setText(nextText);
    setFields(next);
    autosave.schedule(
      isCommitment
        ? { text: nextText, due: joinDue(next.dueDate, next.dueTime), howWillYouKnow: next.howWillYouKnow, support: next.support }
        : { text: nextText },
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
        onInput={(e) => save(e.currentTarget.value, fields)}
      />
      {isCommitment && <CommitmentFields editing value={fields} onChange={(patch) => save(text, { ...fields, ...patch })} />}
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
