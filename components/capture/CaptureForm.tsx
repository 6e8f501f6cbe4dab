import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/api/result';
import { keyIs, pressesButton, whichKey } from '@/lib/keymap/match';
import type { DayMonthOrder } from '@/lib/model/dates';
import { count, LIMITS } from '@/lib/model/limits';
import { ITEM_KINDS, type Item, type ItemKind } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Icon } from '../ui/Icon';
import { SavedTick } from '../ui/SavedTick';
import { CaptureHint } from './CaptureHint';
import { CommitmentFields } from './CommitmentFields';
import { emptyDraft, isBlank, toItemInput, type CaptureDraft } from './draft';
import { KindSwitch } from './KindSwitch';
import { parsePrefix } from './prefix';
import { useCaretKept } from '../hooks/useCaretKept';
import { DraftConcurrentEdit } from './DraftConcurrentEdit';
import { useCaptureDraft } from './useCaptureDraft';

const PLACEHOLDERS: Record<ItemKind, string> = {
  commitment: 'What will they do?',
  note: 'A note for you',
  insight: 'What did they realise?',
  belief: 'A belief you heard',
  inquiry: 'A question to sit with until next time',
};

export interface CaptureFormProps {
  sessionId: string;
  keepNoNotes: boolean;
  focusSignal: number;
  preferKind?: ItemKind;
  /** The day/month order for typed due dates (the browser locale's by default; tests inject one). */
  dueOrder?: DayMonthOrder;
  onAdded(item: Item): void;
}

/**
 * One field plus a kind switch. Enter adds and the field keeps focus for the next one; Shift+Enter is a new
 * line; Escape steps back (from a commitment field to the words, then clears the whole draft — its date and fields too — with a way back);
 * "c: n: i: b: q: " at the start switch the kind (Ctrl+1…5 too, where the browser does not keep Ctrl+digit for its tabs; the hint does not promise it).
 * The keys are the keymap's `capture.*` entries. A refused add keeps every word and says what failed.
 */
export function CaptureForm(props: CaptureFormProps) {
  const { api, now } = useEnv();
  const idBase = useId();
  const initialKind = props.keepNoNotes ? 'commitment' : (props.preferKind ?? 'note');
  const { draft, update, clear, autosave, concurrent } = useCaptureDraft(props.sessionId, initialKind);
  const kind: ItemKind = props.keepNoNotes ? 'commitment' : draft.kind;
  const [error, setError] = useState<ApiError | null>(null);
  const [cleared, setCleared] = useState<CaptureDraft | null>(null);
  const busy = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const mounted = useRef(false);
  const focusField = () => field.current?.focus();
  useCaretKept(field, draft.text);

  // In the commit that shows the field (not a frame later), so the next key typed lands in it.
  useLayoutEffect(() => {
    if (props.focusSignal > 0 || mounted.current) focusField();
  }, [props.focusSignal]);
  useEffect(() => {
    if (mounted.current && props.preferKind && draft.text === '') update({ kind: props.preferKind });
    mounted.current = true;
  }, [props.preferKind]);

  const allowed = (k: ItemKind) => !props.keepNoNotes || k === 'commitment';

  const onText = (value: string) => {
    const prefixed = parsePrefix(value);
    setCleared(null);
    if (prefixed && allowed(prefixed.kind)) update({ kind: prefixed.kind, text: prefixed.text });
    else update({ text: value });
  };

  /** Adds the draft (or, from "Add the first 20,000 characters", `head` of it, keeping the rest here). */
  const add = async (head?: string) => {
    const input = toItemInput({ ...draft, kind, ...(head === undefined ? {} : { text: head }) }, now(), props.dueOrder);
    focusField();
    if (busy.current || input.text === '') return;
    if (input.text.length > LIMITS.textLength) {
      setError({ code: 'invalid', message: `That is too long: at most ${count(LIMITS.textLength)} characters.`, field: 'text' });
      return;
    }
    busy.current = true;
    const result = await api.addItem({ sessionId: props.sessionId, input });
    busy.current = false;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    if (head === undefined) clear();
    else update({ text: draft.text.trim().slice(head.length).trim() });
    props.onAdded(result.value);
  };
  const tooLong = error?.code === 'invalid' && draft.text.trim().length > LIMITS.textLength;

  const onKeyDown = (event: KeyboardEvent) => {
    const kindAt = whichKey('capture.kind', event); // in the order of ITEM_KINDS
    if (kindAt >= 0) {
      const next = ITEM_KINDS[kindAt]!;
      event.preventDefault();
      if (allowed(next)) update({ kind: next });
    } else if (keyIs('capture.add', event) && !keyIs('capture.newline', event) && !event.isComposing && !pressesButton(event)) {
      event.preventDefault();
      void add();
    } else if (keyIs('capture.clear', event)) {
      if (event.target !== field.current) {
        event.preventDefault();
        event.stopPropagation();
        focusField();
      } else if (!isBlank(draft)) {
        // The whole draft goes (its date and fields too, or they would join the next commitment); "Bring it back" restores it.
        event.preventDefault();
        event.stopPropagation();
        setCleared(draft);
        update(emptyDraft(draft.kind));
      }
    }
  };

  // After the commitment's fields when it is one, so Tab goes text → due date → how will you know → support → Add.
  const addButton = (
    <Button type="submit" variant="primary">
      Add
    </Button>
  );

  return (
    <form
      class="hs-capture__form"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
      onKeyDown={onKeyDown}
    >
      <KindSwitch
        name={`${idBase}-kind`}
        kind={kind}
        commitmentsOnly={props.keepNoNotes}
        onChange={(k, byPointer) => {
          update({ kind: k });
          if (byPointer) focusField();
        }}
      />
      {props.keepNoNotes && (
        <p id={`${idBase}-nonotes`} class="hs-capture__note">
          This client keeps no notes: only commitments are captured.
        </p>
      )}
      <div class="hs-capture__row">
        <textarea
          ref={field}
          class="input hs-capture__input hs-capture__text"
          aria-label="Capture"
          aria-describedby={`${idBase}-hint${props.keepNoNotes ? ` ${idBase}-nonotes` : ''}`}
          aria-invalid={error?.code === 'invalid' ? 'true' : undefined}
          rows={1}
          placeholder={PLACEHOLDERS[kind]}
          value={draft.text}
          onInput={(e) => onText(e.currentTarget.value)}
        />
        {kind !== 'commitment' && addButton}
      </div>
      {kind === 'commitment' && (
        <>
          <CommitmentFields value={draft} order={props.dueOrder} onChange={update} />
          <div class="hs-capture__add">{addButton}</div>
        </>
      )}
      {error && tooLong ? (
        <TooLongNote
          length={draft.text.trim().length}
          onTrim={() => void add(headOf(draft.text.trim()))}
          onKeep={() => {
            setError(null);
            focusField();
          }}
        />
      ) : (
        error && <ErrorNote what="Not added." error={error} kept onRetry={error.code === 'invalid' ? undefined : () => void add()} />
      )}
      {concurrent && <DraftConcurrentEdit mine={draft} concurrent={concurrent} onChosen={focusField} />}
      {autosave.error && <ErrorNote what="Draft not saved." error={autosave.error} kept onRetry={() => void autosave.flush()} />}
      <CaptureHint
        id={`${idBase}-hint`}
        status={<SavedTick status={draft.text === '' ? 'idle' : autosave.status} />}
        kind={kind}
        hasText={draft.text !== ''}
        canSwitch={!props.keepNoNotes}
        cleared={cleared !== null}
        onBringBack={() => {
          if (cleared) update(cleared);
          setCleared(null);
          focusField();
        }}
      />
    </form>
  );
}

/**
 * A paste longer than a captured item may be: nothing was added and nothing is lost. Offers what can work
 * (a retry cannot): add the first part and keep the rest here, or keep it all here as a draft to shorten.
 */
function TooLongNote(props: { length: number; onTrim(): void; onKeep(): void }) {
  return (
    <div class="error-note" role="alert">
      <Icon name="alert" class="error-note__icon" />
      <div class="error-note__body">
        <strong>Not added.</strong>{' '}
        <span>
          This is {count(props.length)} characters; a captured item holds at most {count(LIMITS.textLength)}. Your text is kept here.
        </span>
      </div>
      <div class="hs-capture__fixes">
        <Button small variant="secondary" onClick={props.onTrim}>
          Add the first {count(LIMITS.textLength)} characters
        </Button>
        <Button small variant="ghost" onClick={props.onKeep}>
          Keep as a draft
        </Button>
      </div>
    </div>
  );
}

/** The first part of a too-long text that fits, cut after the last space near the limit when there is one. */
export function headOf(text: string): string {
  const head = text.slice(0, LIMITS.textLength);
  const space = head.search(/\s\S*$/);
  return space > LIMITS.textLength - 200 ? head.slice(0, space) : head;
}
