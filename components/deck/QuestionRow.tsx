import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { keyIs } from '@/lib/keymap/match';
import { STAGE_LABELS, type DeckQuestion } from '@/lib/model/types';
import type { Range } from '@/lib/search/highlight';
import { Highlighted } from '../search/Highlighted';
import { Button, IconButton } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';

export interface QuestionRowProps {
  question: DeckQuestion;
  /** Searching: the parts of its wording to mark as matching. */
  marks?: readonly Range[];
  asked: boolean;
  canMarkAsked: boolean;
  /** Searching across stages: name the stage. */
  showStage: boolean;
  /** The row holding the list's single tab stop. */
  active: boolean;
  /** The question "Next question" picked. */
  current: boolean;
  onFocus(): void;
  onMarkAsked(): void;
  onFavourite(): void;
  onHide(): void;
  onEdit(text: string): Promise<string | null>;
  onDelete(): void;
}

/** One question: its words, and the marks a coach makes on it. Own questions can be edited and deleted. */
export function QuestionRow(props: QuestionRowProps) {
  const { question: q } = props;
  const [editing, setEditing] = useState(false);
  const tab = props.active ? 0 : -1;
  const classes = ['hs-deck__q', props.asked && 'hs-deck__q--asked', props.current && 'hs-deck__q--current'].filter(Boolean).join(' ');

  return (
    <li class={classes} tabIndex={tab} data-qid={q.id} aria-current={props.current ? 'true' : undefined} onFocusCapture={props.onFocus}>
      {editing ? (
        <QuestionEditor text={q.text} onSave={props.onEdit} onClose={() => setEditing(false)} />
      ) : (
        <p class="hs-deck__qtext">
          {props.showStage && <span class="chip hs-deck__tag">{STAGE_LABELS[q.stage]}</span>}
          {!q.builtin && <span class="chip hs-deck__tag">Yours</span>}
          {q.hidden && <span class="chip hs-deck__tag">Hidden</span>}
          <Highlighted text={q.text} ranges={props.marks ?? []} />
        </p>
      )}
      <div class="hs-deck__qactions">
        <button
          type="button"
          class="hs-deck__icon hs-deck__asked"
          aria-label="Mark asked"
          aria-pressed={props.asked}
          disabled={!props.canMarkAsked}
          title={props.canMarkAsked ? 'Mark asked (a)' : 'Start a session to mark questions asked'}
          tabIndex={tab}
          onClick={props.onMarkAsked}
        >
          ✓
        </button>
        <button
          type="button"
          class="hs-deck__icon hs-deck__fav"
          aria-label="Favourite"
          aria-pressed={q.favourite}
          title="Favourite (f)"
          tabIndex={tab}
          onClick={props.onFavourite}
        >
          {q.favourite ? '★' : '☆'}
        </button>
        {/* Icons beside the marks, shown on the question in hand (deck.css keeps their room). */}
        <span class="hs-deck__more">
          {q.builtin ? (
            <IconButton
              small
              variant="ghost"
              icon={q.hidden ? 'eye' : 'eyeOff'}
              label={q.hidden ? 'Unhide question' : 'Hide question'}
              tabIndex={tab}
              onClick={props.onHide}
            />
          ) : (
            <>
              <IconButton
                small
                variant="ghost"
                icon="pencil"
                label="Edit question"
                tabIndex={tab}
                onClick={() => setEditing(true)}
                disabled={editing}
              />
              <IconButton small variant="ghost" icon="trash" label="Delete question" tabIndex={tab} onClick={props.onDelete} />
            </>
          )}
        </span>
      </div>
    </li>
  );
}

/** Edit an own question in place: Enter saves, Escape puts it back. A failed save keeps the words. */
function QuestionEditor(props: { text: string; onSave(text: string): Promise<string | null>; onClose(): void }) {
  const [text, setText] = useState(props.text);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => input.current?.focus(), []); // in the commit that shows it: no key typed after lands elsewhere
  const close = () => {
    input.current?.closest<HTMLElement>('li')?.focus();
    props.onClose();
  };
  const save = async () => {
    const failure = await props.onSave(text);
    if (failure) setError(failure);
    else close();
  };
  return (
    <div class="hs-deck__editor">
      <input
        class="input hs-deck__input"
        aria-label="Question text"
        value={text}
        ref={input}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (keyIs('deck.save', e)) void save();
          if (keyIs('deck.cancel', e)) close();
        }}
      />
      <Button small variant="primary" onClick={() => void save()}>
        Save
      </Button>
      <Button small variant="ghost" onClick={close}>
        Cancel
      </Button>
      {error && <ErrorNote what="Not saved." error={error} kept />}
    </div>
  );
}
