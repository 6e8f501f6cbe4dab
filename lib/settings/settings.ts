/** Small settings, stored with WXT storage (lib/platform/settings-storage.ts), validated on load. */
import type { PhasePlan } from '../model/types';
import { DEFAULT_PHASES, MAX_LENGTH_MINUTES, MIN_LENGTH_MINUTES } from '../timer/timer';

export type Theme = 'system' | 'light' | 'dark';

export interface OverlayPlacement {
  /** Distance of the panel's right edge from the viewport's right edge, px. */
  right: number;
  /** Distance of the panel's top edge from the viewport's top, px. */
  top: number;
  collapsed: boolean;
}

export interface Settings {
  defaultLengthMinutes: number;
  phases: PhasePlan;
  warningMinutes: number;
  theme: Theme;
  showShortcutHints: boolean;
  /** A soft chime at wrap-up; off by default (the warning is silent). */
  soundOnWrapUp: boolean;
  /** Where the overlay sits, per call host (e.g. `meet.google.com`). */
  overlay: Record<string, OverlayPlacement>;
}

export const SETTINGS_VERSION = 1;

/**
 * A change to the settings: the fields to set, or a function of the settings as stored at the moment of
 * writing (for read-modify-write changes such as one host's overlay place, so two writers never undo
 * each other).
 */
export type SettingsPatch = Partial<Settings> | ((current: Settings) => Partial<Settings>);

/** Changes one host's overlay placement, merged into the placement as stored when the write happens. */
export function placementPatch(host: string, change: Partial<OverlayPlacement>): SettingsPatch {
  return (current) => ({ overlay: { ...current.overlay, [host]: { ...(current.overlay[host] ?? DEFAULT_PLACEMENT), ...change } } });
}

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return normalizeSettings({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
}

export const DEFAULT_SETTINGS: Settings = {
  defaultLengthMinutes: 60,
  phases: DEFAULT_PHASES,
  warningMinutes: 5,
  theme: 'system',
  showShortcutHints: true,
  soundOnWrapUp: false,
  overlay: {},
};

export const DEFAULT_PLACEMENT: OverlayPlacement = { right: 16, top: 72, collapsed: false };

/**
 * Validates stored settings field by field: anything missing or malformed falls back to its default, so a
 * damaged value never breaks a view and never drops the fields that are still good.
 */
export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const num = (v: unknown, min: number, max: number, d: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : d;
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  return {
    defaultLengthMinutes: num(r.defaultLengthMinutes, MIN_LENGTH_MINUTES, MAX_LENGTH_MINUTES, DEFAULT_SETTINGS.defaultLengthMinutes),
    phases: normalizePhases(r.phases),
    warningMinutes: num(r.warningMinutes, 0, 60, DEFAULT_SETTINGS.warningMinutes),
    theme: r.theme === 'light' || r.theme === 'dark' || r.theme === 'system' ? r.theme : DEFAULT_SETTINGS.theme,
    showShortcutHints: bool(r.showShortcutHints, DEFAULT_SETTINGS.showShortcutHints),
    soundOnWrapUp: bool(r.soundOnWrapUp, DEFAULT_SETTINGS.soundOnWrapUp),
    overlay: normalizeOverlay(r.overlay),
  };
}

function normalizePhases(v: unknown): PhasePlan {
  if (typeof v !== 'object' || v === null) return DEFAULT_PHASES;
  const p = v as Record<string, unknown>;
  const keys = ['contracting', 'exploring', 'actions', 'closing'] as const;
  if (!keys.every((k) => typeof p[k] === 'number' && (p[k] as number) >= 0)) return DEFAULT_PHASES;
  const sum = keys.reduce((s, k) => s + (p[k] as number), 0);
  if (sum <= 0) return DEFAULT_PHASES;
  return { contracting: p.contracting as number, exploring: p.exploring as number, actions: p.actions as number, closing: p.closing as number };
}

function normalizeOverlay(v: unknown): Record<string, OverlayPlacement> {
  if (typeof v !== 'object' || v === null) return {};
  const out: Record<string, OverlayPlacement> = {};
  for (const [host, value] of Object.entries(v as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const o = value as Record<string, unknown>;
    if (typeof o.right !== 'number' || typeof o.top !== 'number' || !Number.isFinite(o.right) || !Number.isFinite(o.top)) continue;
    out[host] = { right: o.right, top: o.top, collapsed: o.collapsed === true };
  }
  return out;
}
