import { useEffect, useState } from 'preact/hooks';
import type { Engagement } from '@/lib/model/client';
import { parseDueText, type Yearless } from '@/lib/model/dates';
import { useEnv } from '../app/env';
import { useAutosave } from '../hooks/useAutosave';
import { DueDateField } from '../ui/DueDateField';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { SavedTick } from '../ui/SavedTick';

export type AgreementKind = 'text' | 'multiline' | 'count' | 'day';

/** What the coach typed → the stored value; `undefined` when it cannot be stored yet (a message says why). */
export function agreementValue(kind: AgreementKind, text: string, now: number, yearless?: Yearless): string | number | null | undefined {
  const t = text.trim();
  if (kind === 'count') {
    if (t === '') return null;
    return /^\d+$/.test(t) ? Number(t) : undefined;
  }
  if (kind === 'day') {
    const day = parseDueText(t, now, undefined, yearless);
    return day === null ? undefined : day.slice(0, 10);
  }
  return text;
}

const shown = (value: string | number | null): string => (value === null ? '' : String(value));

/**
 * One field of the engagement agreement, saved on its own 300 ms after typing pauses (and on leaving it), like
 * the contract's fields. Numbers and days are checked as typed: what cannot be stored says how to write it and
 * saves nothing. A value stored elsewhere replaces the text only when it means something else.
 */
export function AgreementField(props: {
  clientId: string;
  field: keyof Engagement;
  label: string;
  prompt?: string;
  kind: AgreementKind;
  value: string | number | null;
  /** For counts: what the number counts ("sessions", "weeks"), for the message on bad input. */
  unit?: string;
  /** For days: how a day typed without a year is read (the next one by default). */
  yearless?: Yearless;
}) {
  const env = useEnv();
  const [text, setText] = useState(shown(props.value));
  const save = useAutosave<string | number | null>((value) =>
    env.api.updateEngagement({ clientId: props.clientId, patch: { [props.field]: value } }),
  );
  // Only when the stored value changes (another view, or this one's write coming back), never per keystroke.
  useEffect(() => {
    if (save.status === 'pending' || save.status === 'saving') return;
    if (agreementValue(props.kind, text, env.now(), props.yearless) !== props.value) setText(shown(props.value));
  }, [props.value]);

  const parsed = agreementValue(props.kind, text, env.now(), props.yearless);
  const onText = (next: string) => {
    setText(next);
    const value = agreementValue(props.kind, next, env.now(), props.yearless);
    if (value !== undefined) save.schedule(value);
  };
  const failure = save.error && (
    <ErrorNote what={`${props.label} was not saved.`} error={save.error} kept onRetry={() => void save.flush()} />
  );

  if (props.kind === 'day') {
    return (
      <div class="field agreement__day">
        <DueDateField
          label={props.label}
          value={{ text, time: '' }}
          dayOnly
          yearless={props.yearless}
          onChange={(v) => onText(v.text)}
          onBlur={() => void save.flush()}
        />
        <SavedTick status={save.status} />
        {failure}
      </div>
    );
  }
  const bad = props.kind === 'count' && parsed === undefined;
  return (
    <Field
      label={props.label}
      prompt={props.prompt}
      status={<SavedTick status={save.status} />}
      footer={
        <>
          {bad && (
            <p class="agreement__bad" role="status">
              Write a whole number of {props.unit ?? 'weeks'}, like 6 — or leave it empty. Not saved.
            </p>
          )}
          {failure}
        </>
      }
    >
      {({ id, describedBy }) =>
        props.kind === 'multiline' ? (
          <textarea
            id={id}
            class="input"
            rows={2}
            value={text}
            aria-describedby={describedBy}
            onInput={(e) => onText(e.currentTarget.value)}
            onBlur={() => void save.flush()}
          />
        ) : (
          <input
            id={id}
            class={`input ${props.kind === 'count' ? 'input--count' : ''}`}
            type="text"
            inputMode={props.kind === 'count' ? 'numeric' : undefined}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={bad || save.error ? true : undefined}
            onInput={(e) => onText(e.currentTarget.value)}
            onBlur={() => void save.flush()}
          />
        )
      }
    </Field>
  );
}
