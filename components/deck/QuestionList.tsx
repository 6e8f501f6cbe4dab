import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeckQuestion, Id } from '@/lib/model/types';
import { keyIs, whichKey } from '@/lib/keymap/match';
import type { Range } from '@/lib/search/highlight';
import { isTyping } from './keys';
import { QuestionRow } from './QuestionRow';

export interface QuestionListProps {
  label: string;
  questions: DeckQuestion[];
  /** Searching: where each question's wording shows the match, by question id. */
  marks?: ReadonlyMap<Id, readonly Range[]>;
  asked: ReadonlySet<Id>;
  canMarkAsked: boolean;
  showStage: boolean;
  currentId: Id | null;
  /** Focus this question once it is shown (bumped by "Next question"). */
  focusRequest: { id: Id; n: number } | null;
  onMarkAsked(q: DeckQuestion): void;
  onFavourite(q: DeckQuestion): void;
  onHide(q: DeckQuestion): void;
  onEdit(q: DeckQuestion, text: string): Promise<string | null>;
  onDelete(q: DeckQuestion): void;
}

/**
 * The questions as a list with one tab stop (roving focus): ArrowUp/ArrowDown/Home/End move between
 * questions, "a" marks the focused one asked, "f" makes it a favourite.
 */
export function QuestionList(props: QuestionListProps) {
  const list = useRef<HTMLUListElement>(null);
  const [activeId, setActiveId] = useState<Id | null>(null);
  const current = props.questions.find((q) => q.id === activeId) ?? props.questions[0] ?? null;

  const focusRow = (id: Id) => {
    setActiveId(id);
    const rows = Array.from(list.current?.children ?? []) as HTMLElement[];
    rows.find((row) => row.dataset.qid === id)?.focus();
  };

  /** The focus request last carried out: a key pressed before the next one is (effects run after paint) acts on it. */
  const applied = useRef<number | null>(null);
  useEffect(() => {
    if (props.focusRequest && props.questions.some((q) => q.id === props.focusRequest?.id)) focusRow(props.focusRequest.id);
    applied.current = props.focusRequest?.n ?? null;
  }, [props.focusRequest]);

  const onKeyDown = (event: KeyboardEvent) => {
    const pending = props.focusRequest && props.focusRequest.n !== applied.current ? props.focusRequest.id : null;
    const active = (pending && props.questions.find((q) => q.id === pending)) || current;
    if (!active || isTyping(event)) return;
    const at = props.questions.indexOf(active);
    const step = whichKey('deck.move', event); // 0 previous, 1 next
    const end = whichKey('deck.jump', event); // 0 first, 1 last
    const move = step >= 0 ? at + (step === 1 ? 1 : -1) : end >= 0 ? (end === 0 ? 0 : props.questions.length - 1) : undefined;
    if (move !== undefined) {
      event.preventDefault();
      const to = props.questions[Math.max(0, Math.min(props.questions.length - 1, move))];
      if (to) focusRow(to.id);
    } else if (keyIs('deck.asked', event)) {
      event.preventDefault();
      if (props.canMarkAsked) props.onMarkAsked(active);
    } else if (keyIs('deck.favourite', event)) {
      event.preventDefault();
      props.onFavourite(active);
    }
  };

  return (
    // Where Alt+2 lands (components/app/focusWork.ts): the list's one tab stop, so n, a, f and s work at once.
    <ul ref={list} class="hs-deck__list" aria-label={props.label} onKeyDown={onKeyDown} data-focus-target>
      {props.questions.map((q) => (
        <QuestionRow
          key={q.id}
          question={q}
          marks={props.marks?.get(q.id)}
          asked={props.asked.has(q.id)}
          canMarkAsked={props.canMarkAsked}
          showStage={props.showStage}
          active={q.id === current?.id}
          current={q.id === props.currentId}
          onFocus={() => setActiveId(q.id)}
          onMarkAsked={() => props.onMarkAsked(q)}
          onFavourite={() => props.onFavourite(q)}
          onHide={() => props.onHide(q)}
          onEdit={(text) => props.onEdit(q, text)}
          onDelete={() => props.onDelete(q)}
        />
      ))}
    </ul>
  );
}
