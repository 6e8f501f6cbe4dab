/**
 * The session summary as data: every export format (Markdown, text, email, calendar, JSON, print) renders
 * a SummaryDoc, so what the client may see is decided here, once.
 *
 * The client version keeps only what the coach marked shareable and leaves out, whatever their flag:
 * notes and beliefs (coach-private by nature), the contract's free notes, the notes on commitment reviews,
 * the list of questions asked (the coach's craft, not the client's record), the coach's closing reflection
 * and the client's email address. Agreements, the contract, shareable commitments, insights and inquiries
 * stay: they were made together.
 */
import type { CommitmentView, SessionBundle } from '../api/contract';
import { elapsedMs } from '../timer/timer';
import {
  REVIEW_STATUS_LABELS,
  STAGE_LABELS,
  type CommitmentStatus,
  type Focus,
  type Id,
  type Item,
  type ItemKind,
  type Millis,
} from '../model/types';
import { isoDate, isoTime, localZone, type ZoneOffset } from '../model/dates';
import { nextSessionOf } from '../model/session';

export interface SummaryItem {
  id: Id;
  kind: ItemKind;
  text: string;
  shareable: boolean;
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, '' when none (commitments only). */
  due: string;
  howWillYouKnow: string;
  support: string;
  order: number;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface SummaryReviewed {
  id: Id;
  text: string;
  due: string;
  status: CommitmentStatus;
  statusLabel: string;
  /** The coach's note on the review ('' in the client version). */
  note: string;
}

export interface SummaryContract {
  topic: string;
  desiredOutcome: string;
  whyItMatters: string;
  successMeasures: string;
  focus: Focus;
  /** '' when no focus was chosen. */
  focusLabel: string;
  /** The agreements made, as sentences (only those that were agreed). */
  agreements: string[];
  /** Free contract notes ('' in the client version). */
  notes: string;
}

export interface SummaryDoc {
  clientVersion: boolean;
  sessionId: Id;
  client: { id: Id; name: string; email: string };
  /** Session start, and its calendar date / time of day in the export's zone. */
  startedAt: Millis;
  endedAt: Millis | null;
  date: string;
  time: string;
  /** Whole minutes of timed session (pauses excluded), or wall time when the timer never ran; null if unknown. */
  durationMinutes: number | null;
  contract: SummaryContract;
  reviewed: SummaryReviewed[];
  commitments: SummaryItem[];
  insights: SummaryItem[];
  inquiries: SummaryItem[];
  /** Coach-private: always empty in the client version. */
  notes: SummaryItem[];
  beliefs: SummaryItem[];
  questions: { text: string; stageLabel: string; at: Millis }[];
  /** The coach's closing reflection ('' in the client version). */
  reflection: string;
  /** The next session, when one is planned: a due value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`), else ''. */
  nextSession: string;
  /** The session's planned length, minutes (how long the next session's calendar event lasts). */
  plannedMinutes: number;
}

export interface SummaryOptions {
  clientVersion: boolean;
  /** Used for the duration of a session that has not ended. */
  now?: () => number;
  zone?: ZoneOffset;
}

export const FOCUS_LABELS: Record<Focus, string> = {
  '': '',
  'in-session': 'In-session work',
  'out-of-session': 'Out-of-session work',
  both: 'In-session and out-of-session work',
};

const COACH_ONLY_KINDS: ReadonlySet<ItemKind> = new Set(['note', 'belief']);

function toSummaryItem(item: Item): SummaryItem {
  const { id, kind, text, shareable, due, howWillYouKnow, support, order, createdAt, updatedAt } = item;
  return { id, kind, text, shareable, due, howWillYouKnow, support, order, createdAt, updatedAt };
}

function durationMinutes(bundle: SessionBundle, now: () => number): number | null {
  const { session } = bundle;
  const until = session.endedAt ?? now();
  const ms = session.timer.startedAt !== null ? elapsedMs(session.timer, until) : until - session.startedAt;
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60_000) : null;
}

/** The status recorded in this session (a later session may have reviewed it again since). */
function reviewedInSession(view: CommitmentView, sessionId: Id, clientVersion: boolean): SummaryReviewed {
  const review = [...view.item.reviews].reverse().find((r) => r.sessionId === sessionId) ?? view.lastReview;
  const status: CommitmentStatus = review?.status ?? view.status;
  return {
    id: view.item.id,
    text: view.item.text,
    due: view.item.due,
    status,
    statusLabel: REVIEW_STATUS_LABELS[status],
    note: clientVersion ? '' : (review?.note ?? ''),
  };
}

export function buildSummary(bundle: SessionBundle, options: SummaryOptions): SummaryDoc {
  const { session, client } = bundle;
  const clientVersion = options.clientVersion;
  const zone = options.zone ?? localZone;
  const visible = (item: Item) => !clientVersion || (item.shareable && !COACH_ONLY_KINDS.has(item.kind));
  const items = [...bundle.items].sort((a, b) => a.order - b.order || a.createdAt - b.createdAt).filter(visible);
  const ofKind = (kind: ItemKind) => items.filter((i) => i.kind === kind).map(toSummaryItem);
  const { contract } = session;
  const agreements = [
    contract.agreements.confidentiality ? 'Confidentiality agreed' : '',
    contract.agreements.recordingConsent ? 'Recording consent given' : '',
    contract.agreements.permissionToOffer ? 'Permission to offer ideas' : '',
  ].filter(Boolean);

  return {
    clientVersion,
    sessionId: session.id,
    client: { id: client.id, name: client.name, email: clientVersion ? '' : client.email },
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    date: isoDate(session.startedAt, zone),
    time: isoTime(session.startedAt, zone),
    durationMinutes: durationMinutes(bundle, options.now ?? Date.now),
    contract: {
      topic: contract.topic,
      desiredOutcome: contract.desiredOutcome,
      whyItMatters: contract.whyItMatters,
      successMeasures: contract.successMeasures,
      focus: contract.focus,
      focusLabel: FOCUS_LABELS[contract.focus] ?? '',
      agreements,
      notes: clientVersion ? '' : contract.notes,
    },
    reviewed: bundle.reviewed.filter((view) => visible(view.item)).map((view) => reviewedInSession(view, session.id, clientVersion)),
    commitments: ofKind('commitment'),
    insights: ofKind('insight'),
    inquiries: ofKind('inquiry'),
    notes: ofKind('note'),
    beliefs: ofKind('belief'),
    questions: clientVersion ? [] : bundle.asked.map((q) => ({ text: q.text, stageLabel: q.stage ? STAGE_LABELS[q.stage] : '', at: q.at })),
    reflection: clientVersion ? '' : session.reflection,
    nextSession: nextSessionOf(session),
    plannedMinutes: session.timer.plannedMinutes,
  };
}
