/**
 * Where to begin a follow-up session: one question from the built-in deck (never generated text), chosen
 * from what the record shows about the time since the last session.
 */
import { builtinId } from '../deck/builtin';
import { builtinQuestion } from '../deck/deck';
import type { Question } from '../model/types';

export interface OpeningContext {
  /** Sessions held with the client so far (0: this is the first). */
  sessionsHeld: number;
  /** The last session left the client an inquiry to take away. */
  inquiryTakenAway: boolean;
  /** Commitments are waiting for review. */
  openCommitments: number;
  /** The latest reviews: how many of them were done. */
  recent: { done: number; reviewed: number };
}

/** Numbers of contracting questions in the built-in deck (lib/deck/builtin.ts). */
const OPENINGS = { first: 1, inquiry: 21, commitments: 22, celebrate: 23, general: 20 } as const;

export function openingQuestion(context: OpeningContext): Question | null {
  const n =
    context.sessionsHeld === 0
      ? OPENINGS.first
      : context.inquiryTakenAway
        ? OPENINGS.inquiry
        : context.openCommitments > 0
          ? OPENINGS.commitments
          : context.recent.reviewed > 0 && context.recent.done === context.recent.reviewed
            ? OPENINGS.celebrate
            : OPENINGS.general;
  return builtinQuestion(builtinId('contracting', n)) ?? null;
}
