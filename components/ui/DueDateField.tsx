import type { Ref } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  dayMonthOrder,
  dueFromTyped,
  dueTextExamples,
  formatDueEcho,
  parseDue,
  parseDueText,
  type DayMonthOrder,
  type Yearless,
} from '@/lib/model/dates';
import { useEnv } from '../app/env';
import { Icon } from './Icon';
import './due-date-field.css';

/** What the coach typed: the day ("fri", "+7", "15/12") and, behind the time toggle, a time ("14:00", "2pm"). */
export interface DueText {
  text: string;
  time: string;
}

/** The typed form of a stored due value, for editing it: `2026-12-04T14:00` → "2026-12-04" + "14:00". */
export function dueTextOf(due: string): DueText {
  const d = parseDue(due);
  if (!d) return { text: '', time: '' };
  const [text = '', time = ''] = due.split('T');
  return { text, time };
}

/**
 * The typed text of a stored due value, for a field that saves as it goes (a review's new date, a summary
 * row's by-when, the next session): `typed` starts as the stored value's text; `change` shows what the coach
 * types and hands `onDue` the value it means whenever that is understood and differs from the stored one
 * ('' when emptied). A stored value changed elsewhere replaces the text unless the text already means it.
 */
export function useTypedDue(stored: string, onDue: (due: string) => void, order?: DayMonthOrder) {
  const { now } = useEnv();
  const [typed, setTyped] = useState<DueText>(() => dueTextOf(stored));
  const means = (t: DueText) => dueFromTyped(t.text, t.time, now(), order ?? dayMonthOrder());
  useEffect(() => {
    if (means(typed) !== stored) setTyped(dueTextOf(stored));
  }, [stored]);
  const change = (next: DueText) => {
    setTyped(next);
    const due = means(next);
    if (due !== null && due !== stored) onDue(due);
  };
  return { typed, change };
}

/**
 * A due date as one text field that understands what a coach says ("fri", "next week", "+7", "15/12",
 * "Dec 15", "in 2 weeks", "tomorrow 9am", 2026-12-15) and says the day it understood beside it ("→ Fri 4 Dec",
 * announced politely). One Tab stop: the time toggle and the native date picker are buttons out of the Tab
 * path (the picker fills the text with the day picked; a time can also be typed after the day). Text it does
 * not understand gets a quiet line saying what it accepts, never a block. `nudge` adds a quiet "A by-when
 * makes it a commitment" while empty. `label` is the accessible name ("Due date"; its time "Due time").
 */
export function DueDateField(props: {
  value: DueText;
  onChange(next: DueText): void;
  label?: string;
  /** The time field's accessible name (by default the label with "date" turned into "time"). */
  timeLabel?: string;
  /** The quiet line shown while the field is empty (instead of `nudge`'s), e.g. what stays if nothing is typed. */
  empty?: string;
  /** The words shown above the field, when they differ from the accessible name ("Due date" for "Edit due date"); '' for none (a heading beside it says it). */
  caption?: string;
  nudge?: boolean;
  /** The day/month order for "15/12" (the browser locale's by default; tests inject one). */
  order?: DayMonthOrder;
  inputRef?: Ref<HTMLInputElement>;
  class?: string;
  /** A day without a time (an engagement's start): no time toggle. */
  dayOnly?: boolean;
  /** How a day without a year is read (the next one by default; an engagement's start: the nearest). */
  yearless?: Yearless;
  onBlur?: () => void;
}) {
  const { now } = useEnv();
  const id = useId();
  const label = props.label ?? 'Due date';
  const timeLabel = props.timeLabel ?? label.replace(/date$/i, 'time');
  const order = props.order ?? dayMonthOrder();
  const { text, time } = props.value;
  const [timeOpen, setTimeOpen] = useState(time !== '');
  const showTime = timeOpen || time !== '';
  const picker = useRef<HTMLInputElement>(null);
  const timeField = useRef<HTMLInputElement>(null);
  const focusTime = useRef(false);
  useEffect(() => {
    if (focusTime.current) timeField.current?.focus();
    focusTime.current = false;
  }, [timeOpen]);

  const due = dueFromTyped(text, showTime ? time : '', now(), order, props.yearless);
  const dayOnly = parseDueText(text, now(), order, props.yearless);
  const message =
    text.trim() === ''
      ? (props.empty ?? (props.nudge ? 'A by-when makes it a commitment.' : ''))
      : dayOnly === null
        ? `Not a date I know. Try ${dueTextExamples(order)} or 2026-12-15.`
        : due === null
          ? 'Not a time I know. Try 14:00 or 2pm.'
          : `→ ${formatDueEcho(due, now())}`;

  const toggleTime = () => {
    if (showTime) {
      setTimeOpen(false);
      if (time !== '') props.onChange({ text, time: '' });
    } else {
      focusTime.current = true;
      setTimeOpen(true);
    }
  };

  const openPicker = () => {
    const native = picker.current;
    if (!native) return;
    native.value = dayOnly ? dayOnly.slice(0, 10) : '';
    try {
      native.showPicker();
    } catch {
      native.focus();
    }
  };

  return (
    <div class={`due-field ${props.class ?? ''}`}>
      {props.caption !== '' && (
        <label class="due-field__label" for={id}>
          {props.caption ?? label}
        </label>
      )}
      <div class="due-field__row">
        <input
          ref={props.inputRef}
          id={id}
          type="text"
          class="input due-field__text"
          value={text}
          placeholder={dueTextExamples(order)}
          autocomplete="off"
          spellcheck={false}
          aria-label={props.caption !== undefined && props.caption !== label ? label : undefined}
          aria-describedby={`${id}-echo`}
          onInput={(e) => props.onChange({ text: e.currentTarget.value, time })}
          onBlur={props.onBlur}
        />
        {showTime && (
          <input
            ref={timeField}
            type="text"
            class="input due-field__time"
            aria-label={timeLabel}
            value={time}
            placeholder="14:00"
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => props.onChange({ text, time: e.currentTarget.value })}
          />
        )}
        {!props.dayOnly && (
          <button
            type="button"
            class="due-field__button"
            tabIndex={-1}
            aria-pressed={showTime}
            title={showTime ? 'No time, the whole day' : 'Add a time'}
            onClick={toggleTime}
          >
            <Icon name="clock" />
            <span class="visually-hidden">Time</span>
          </button>
        )}
        <button type="button" class="due-field__button" tabIndex={-1} title="Pick a date" onClick={openPicker}>
          <Icon name="calendar" />
          <span class="visually-hidden">Pick a date</span>
        </button>
        <input
          ref={picker}
          type="date"
          class="due-field__native"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const picked = e.currentTarget.value;
            if (parseDue(picked)) props.onChange({ text: picked, time });
          }}
        />
      </div>
      <p id={`${id}-echo`} class={`due-field__echo${due === null ? ' due-field__echo--unknown' : ''}`} aria-live="polite">
        {message}
      </p>
    </div>
  );
}
