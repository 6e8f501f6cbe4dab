/**
 * The summary laid out as titled sections, in reading order. Markdown, plain text and the print view all
 * render these, so the three read the same and empty parts are left out in one place.
 */
import type { SummaryDoc, SummaryItem } from './summary-model';
import { formatDueIso } from '../model/dates';

/** A labelled value. `label` carries its own punctuation ("Topic: ", "due "). */
export interface Field {
  label: string;
  value: string;
}

export interface Entry {
  text: string;
  /** A checkbox before the entry: open or done; null for none. */
  check: 'open' | 'done' | null;
  /** Shown after the text on the same line (Markdown) or indented below it (plain text). */
  details: Field[];
}

export interface Section {
  key: string;
  title: string;
  /** Coach-only material (never present in the client version). */
  coachOnly: boolean;
  fields: Field[];
  entries: Entry[];
  /** Free text (the closing reflection). */
  text: string;
}

export interface SummaryHeader {
  title: string;
  /** `Date: …`, `Time: …`, `Duration: …` */
  meta: Field[];
  /** Which version this is, as a sentence, for the coach's eyes only: '' in the client version. */
  versionNote: string;
}

const field = (label: string, value: string): Field[] => (value.trim() ? [{ label, value }] : []);

function section(key: string, title: string, parts: Partial<Section>): Section | null {
  const s: Section = { key, title, coachOnly: false, fields: [], entries: [], text: '', ...parts };
  return s.fields.length || s.entries.length || s.text.trim() ? s : null;
}

const plain = (items: SummaryItem[]): Entry[] => items.map((i) => ({ text: i.text, check: null, details: [] }));

export function summaryHeader(doc: SummaryDoc): SummaryHeader {
  return {
    title: `Session summary: ${doc.client.name}`,
    meta: [
      ...field('Date: ', doc.date),
      ...field('Time: ', doc.time),
      ...field('Duration: ', doc.durationMinutes === null ? '' : `${doc.durationMinutes} min`),
    ],
    versionNote: doc.clientVersion ? '' : 'Coach version: includes private notes. Do not send as is.',
  };
}

export function summarySections(doc: SummaryDoc): Section[] {
  const c = doc.contract;
  const all: (Section | null)[] = [
    section('contract', 'Contract', {
      fields: [
        ...field('Topic: ', c.topic),
        ...field('Desired outcome: ', c.desiredOutcome),
        ...field('Why it matters: ', c.whyItMatters),
        ...field('Success measures: ', c.successMeasures),
        ...field('Focus: ', c.focusLabel),
        ...field('Agreements: ', c.agreements.join('; ')),
        ...field('Contract notes: ', c.notes),
      ],
    }),
    section('reviewed', 'Commitments reviewed', {
      entries: doc.reviewed.map((r) => ({
        text: r.text,
        check: r.status === 'done' ? 'done' : 'open',
        details: [...field('', r.statusLabel), ...field('note: ', r.note)],
      })),
    }),
    section('commitments', 'New commitments', {
      entries: doc.commitments.map((i) => ({
        text: i.text,
        check: 'open',
        details: [...field('due ', formatDueIso(i.due)), ...field("how you'll know: ", i.howWillYouKnow), ...field('support: ', i.support)],
      })),
    }),
    section('next', 'Next session', { fields: field('', formatDueIso(doc.nextSession)) }),
    section('insights', 'Insights', { entries: plain(doc.insights) }),
    section('inquiries', 'Inquiries to take away', { entries: plain(doc.inquiries) }),
    section('notes', 'Notes (coach-private)', { coachOnly: true, entries: plain(doc.notes) }),
    section('beliefs', 'Beliefs (coach-private)', { coachOnly: true, entries: plain(doc.beliefs) }),
    section('questions', 'Questions asked', {
      coachOnly: true,
      entries: doc.questions.map((q) => ({ text: q.text, check: null, details: field('', q.stageLabel) })),
    }),
    section('reflection', 'Closing reflection', { coachOnly: true, text: doc.reflection }),
  ];
  return all.filter((s): s is Section => s !== null);
}
