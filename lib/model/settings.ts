/**
 * The coach's small settings (kept in extension storage, not IndexedDB). Read leniently: a missing or
 * damaged field falls back to its default and the good ones are kept, so a bad value never breaks a view —
 * and every value that comes out is one the record's own schemas accept.
 */
import * as v from 'valibot';
import { DEFAULTS, LIMITS, SAFEKEEPING } from './limits';
import { PhasePlanSchema } from './session';

/** A number brought into range (rounded, clamped); anything else is refused (and falls back). */
const clamped = ({ min, max }: { min: number; max: number }) =>
  v.pipe(
    v.number(),
    v.finite(),
    v.transform((n: number) => Math.min(max, Math.max(min, Math.round(n)))),
  );

const finite = v.pipe(v.number(), v.finite());

export const OverlayPlacementSchema = v.object({
  /** Distance of the panel's right edge from the viewport's right edge, px. */
  right: finite,
  /** Distance of the panel's top edge from the viewport's top, px. */
  top: finite,
  collapsed: v.fallback(v.boolean(), false),
});
export type OverlayPlacement = v.InferOutput<typeof OverlayPlacementSchema>;

/** Where the overlay sits, per call host; entries that are not a placement are dropped. */
const OverlayPlacements = v.pipe(
  v.record(v.string(), v.unknown()),
  v.transform((raw) => {
    const out: Record<string, OverlayPlacement> = {};
    for (const [host, value] of Object.entries(raw)) {
      const placement = v.safeParse(OverlayPlacementSchema, value);
      if (placement.success) out[host] = placement.output;
    }
    return out;
  }),
);

export const THEMES = ['system', 'light', 'dark'] as const;

export const SettingsSchema = v.object({
  defaultLengthMinutes: v.fallback(clamped(LIMITS.sessionMinutes), DEFAULTS.sessionMinutes),
  phases: v.fallback(PhasePlanSchema, () => ({ ...DEFAULTS.phases })),
  warningMinutes: v.fallback(clamped(LIMITS.warningMinutes), DEFAULTS.warningMinutes),
  theme: v.fallback(v.picklist(THEMES), 'system'),
  showShortcutHints: v.fallback(v.boolean(), true),
  /** A soft chime at wrap-up; off by default (the warning is silent). */
  soundOnWrapUp: v.fallback(v.boolean(), false),
  overlay: v.fallback(OverlayPlacements, () => ({})),
  /** The sign-off of e-mail drafts to clients ("Warm regards, Sam"); '' for none. */
  emailSignOff: v.fallback(v.pipe(v.string(), v.maxLength(LIMITS.nameLength)), DEFAULTS.emailSignOff),
  /** Automatic backups to Downloads/Holdspace after every ended session and daily; off until the coach turns them on. */
  autoBackup: v.fallback(v.boolean(), false),
  /** How many automatic backups to keep; older ones are removed. */
  autoBackupKeep: v.fallback(clamped(SAFEKEEPING.backupsKeptRange), SAFEKEEPING.backupsKept),
  /** With the lock on: minutes of no activity before it locks (0: never by itself). */
  lockAfterMinutes: v.fallback(clamped(LIMITS.lockAfterMinutes), DEFAULTS.lockAfterMinutes),
  /** Whether the idle lock may lock while a session's timer runs (off: it waits for the timer). */
  lockDuringTimer: v.fallback(v.boolean(), false),
  /** Retention: months a client may go unseen before Settings offers to delete their record; 0: off (the default). */
  retentionMonths: v.fallback(clamped({ min: 0, max: LIMITS.retentionMonths.max }), 0),
  /** The first-run offer of the lock was answered ("Not now", or the lock turned on): it never shows again. */
  lockOffered: v.fallback(v.boolean(), false),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type Theme = Settings['theme'];

/** Stored settings as the views use them: every field valid, damaged ones replaced by their default. */
export function readSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
}

/** Every default, as the schema gives it for nothing stored. */
export const DEFAULT_SETTINGS: Readonly<Settings> = readSettings(undefined);
