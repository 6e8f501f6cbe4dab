/**
 * What the overlay iframe and the content script say to each other over postMessage: geometry and
 * visibility only, never coaching text. Both sides check `event.origin` and `event.source`.
 */
import type { OverlayPlacement } from '../model/settings';

/** Where the overlay first sits on a call host (and after its stored place is lost). A plain constant: the content
 * script imports it, and must not pull in the settings schema (valibot) with it. */
export const DEFAULT_PLACEMENT: Readonly<OverlayPlacement> = { right: 16, top: 72, collapsed: false };

export type FrameToHost =
  | { hs: 'frame'; type: 'size'; width: number; height: number }
  | { hs: 'frame'; type: 'move-by'; dx: number; dy: number }
  | { hs: 'frame'; type: 'place'; right: number; top: number }
  | { hs: 'frame'; type: 'hide' };

export type HostToFrame = { hs: 'host'; type: 'placed'; right: number; top: number } | { hs: 'host'; type: 'focus-capture' };

const FRAME_TYPES = new Set(['size', 'move-by', 'place', 'hide']);
const HOST_TYPES = new Set(['placed', 'focus-capture']);

const finite = (...values: unknown[]) => values.every((v) => typeof v === 'number' && Number.isFinite(v));

export function isFrameToHost(data: unknown): data is FrameToHost {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m.hs !== 'frame' || typeof m.type !== 'string' || !FRAME_TYPES.has(m.type)) return false;
  if (m.type === 'size') return finite(m.width, m.height);
  if (m.type === 'move-by') return finite(m.dx, m.dy);
  if (m.type === 'place') return finite(m.right, m.top);
  return true;
}

export function isHostToFrame(data: unknown): data is HostToFrame {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m.hs !== 'host' || typeof m.type !== 'string' || !HOST_TYPES.has(m.type)) return false;
  if (m.type === 'placed') return finite(m.right, m.top);
  return true;
}

/** Keeps the panel on screen: at least `margin` px of it stays inside the viewport. */
export function clampPlacement(
  p: { right: number; top: number },
  frame: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 8,
): { right: number; top: number } {
  const maxRight = Math.max(margin, viewport.width - frame.width - margin);
  const maxTop = Math.max(margin, viewport.height - Math.min(frame.height, 48) - margin);
  return {
    right: Math.round(Math.min(maxRight, Math.max(margin, p.right))),
    top: Math.round(Math.min(maxTop, Math.max(margin, p.top))),
  };
}

/** The overlay's size in each state, px. */
export const FRAME_SIZE = {
  expanded: { width: 368, height: 560 },
  collapsed: { width: 240, height: 48 },
} as const;
