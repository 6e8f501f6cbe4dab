/** A session: its contract, its timer (as timestamps), the questions asked, the closing reflection. */
import * as v from 'valibot';
import { LIMITS } from './limits';
import { Bool, Count, Due, Id, Millis, Percent, recordList, SessionMinutes, Text, WarningMinutes } from './primitives';

export const FOCUS_VALUES = ['', 'in-session', 'out-of-session', 'both'] as const;
export const Focus = v.picklist(FOCUS_VALUES, 'is not a focus Holdspace knows');

export const AgreementsSchema = v.object({
  confidentiality: Bool,
  recordingConsent: Bool,
  /** Permission to offer ideas (the coach's boundary: no advice without permission). */
  permissionToOffer: Bool,
});

/**
 * A mid-session check-in with the contract: when, and the client's answer to "still on track, or has it
 * shifted?". Older records stored only the moment (a number): that reads as on track.
 */
export const CheckInSchema = v.union(
  [
    v.pipe(
      Millis,
      v.transform((at: number) => ({ at, onTrack: true, shiftedTo: '' })),
    ),
    v.object({ at: Millis, onTrack: Bool, shiftedTo: v.optional(Text, '') }),
  ],
  'must be a check-in (a time, or a time with its answer)',
);

/** When an agreement was first agreed with the client (carried into later sessions with it). */
export const AgreedAtSchema = v.object({ confidentiality: v.optional(Millis), recordingConsent: v.optional(Millis) });

const contractText = { topic: Text, desiredOutcome: Text, whyItMatters: Text, successMeasures: Text, notes: Text };

export const ContractSchema = v.object({
  ...contractText,
  focus: Focus,
  agreements: AgreementsSchema,
  /** The engagement goal this session's contract links to, if any. */
  goalId: v.nullable(Id),
  /** When the coach checked back in with the contract mid-session, and whether it was still on track. */
  checkIns: recordList(CheckInSchema),
  /** When confidentiality and recording consent were agreed; absent in older records. */
  agreedAt: v.optional(AgreedAtSchema),
});

export const PHASE_NAMES = ['contracting', 'exploring', 'actions', 'closing'] as const;

/** Percent of the planned length for each phase; they add up to 100. */
export const PhasePlanSchema = v.pipe(
  v.object({ contracting: Percent, exploring: Percent, actions: Percent, closing: Percent }),
  v.check((p) => Math.abs(PHASE_NAMES.reduce((sum, k) => sum + p[k], 0) - 100) < 0.01, 'must add up to 100 percent'),
);

/**
 * The timer is stored as timestamps, never as a ticking counter, so it is exact after a reload, a sleeping
 * laptop or a stopped worker. Pure functions in lib/timer derive everything from `now`.
 */
export const TimerStateSchema = v.object({
  plannedMinutes: SessionMinutes,
  startedAt: v.nullable(Millis),
  pausedAt: v.nullable(Millis),
  /** Total paused time of pauses that have ended. */
  pausedTotalMs: v.pipe(Count, v.maxValue(Date.UTC(LIMITS.maxYear, 0, 1) - Date.UTC(LIMITS.minYear, 0, 1), 'is out of range')),
  phases: PhasePlanSchema,
  warningMinutes: WarningMinutes,
});

export const SESSION_STATUSES = ['active', 'ended'] as const;

export const SessionSchema = v.object({
  id: Id,
  clientId: Id,
  status: v.picklist(SESSION_STATUSES, 'must be "active" or "ended"'),
  /** When the session record was opened (the coach pressed "Start session"). */
  startedAt: Millis,
  endedAt: v.nullable(Millis),
  contract: ContractSchema,
  timer: TimerStateSchema,
  asked: recordList(v.object({ questionId: Id, at: Millis })),
  /** The coach's closing reflection, written on the summary. */
  reflection: Text,
  /**
   * The next session, when one is planned on the summary: a due value (`YYYY-MM-DD`, or with `THH:mm`).
   * Optional, absent meaning none (read it with `nextSessionOf`), so older records and backups read unchanged.
   */
  nextSession: v.optional(Due),
  createdAt: Millis,
  updatedAt: Millis,
});

/** The planned next session of a session record ('' when none). */
export const nextSessionOf = (s: { nextSession?: string | undefined }): string => s.nextSession ?? '';

/** A partial contract: only the fields present are written (last write wins per field). */
export const ContractPatchSchema = v.partial(
  v.object({ ...contractText, focus: Focus, goalId: v.nullable(Id), agreements: v.partial(AgreementsSchema) }),
);

/**
 * For a compare-and-set: the text of each contract field as the writing view last saw it stored. A field
 * whose stored text differs (another view changed it since) is refused as a `conflict`, nothing written.
 */
export const ContractBaseSchema = v.partial(v.object(contractText));

export const TimerActionSchema = v.variant(
  'type',
  [
    v.object({ type: v.literal('start') }),
    v.object({ type: v.literal('pause') }),
    v.object({ type: v.literal('resume') }),
    v.object({ type: v.literal('set-length'), minutes: SessionMinutes }),
    v.object({ type: v.literal('reset') }),
  ],
  'is not a timer action Holdspace knows',
);

export type Focus = v.InferOutput<typeof Focus>;
export type Agreements = v.InferOutput<typeof AgreementsSchema>;
export type Contract = v.InferOutput<typeof ContractSchema>;
export type CheckIn = v.InferOutput<typeof CheckInSchema>;
/** The agreements that carry over to a client's next session once agreed. */
export const CARRIED_AGREEMENTS = ['confidentiality', 'recordingConsent'] as const satisfies readonly (keyof Agreements)[];
export type ContractTextField = keyof typeof contractText;
export type PhasePlan = v.InferOutput<typeof PhasePlanSchema>;
export type PhaseName = keyof PhasePlan;
export type TimerState = v.InferOutput<typeof TimerStateSchema>;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type AskedQuestion = Session['asked'][number];
export type Session = v.InferOutput<typeof SessionSchema>;
export type ContractPatch = v.InferOutput<typeof ContractPatchSchema>;
export type ContractBase = v.InferOutput<typeof ContractBaseSchema>;
export type TimerAction = v.InferOutput<typeof TimerActionSchema>;
