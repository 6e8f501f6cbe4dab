/**
 * What the overlay iframe and the content script say to each other: geometry and visibility only, never
 * coaching text. None of it travels by `postMessage` (the call page shares the content script's window, so
 * it could read and forge those): both sides hold a runtime port to the background worker, which relays
 * between the content script that docked an overlay and that overlay's own frame (lib/frame/router.ts).
 *
 * The one exception is the dock token. Chromium has no `runtime.getFrameId(iframe)`, so the worker cannot
 * tell by itself which frame in the tab is the one the content script made; the content script therefore
 * hands the worker's one-time token to its own iframe, addressed to the extension's origin (delivered only
 * to the document in that frame, invisible to the page), and the overlay redeems it with the worker, which
 * binds the token to the overlay's own tab, frame and document as the browser reports them. An overlay
 * that never redeems a token (the page embedded the overlay URL itself, or re-pointed the frame) renders
 * nothing.
 */
import type { OverlayPlacement } from '../model/settings';

/** Where the overlay first sits on a call host (and after its stored place is lost). A plain constant: the content
 * script imports it, and must not pull in the settings schema (valibot) with it. */
export const DEFAULT_PLACEMENT: Readonly<OverlayPlacement> = { right: 16, top: 72, collapsed: false };

/** The content script's port to the worker. */
export const DOCK_PORT = 'holdspace/dock';
/** The overlay page's port to the worker. */
export const FRAME_PORT = 'holdspace/dock-frame';
/** The same ports, opened again after MV3 stopped the worker (the worker then finds the dock it had). */
export const DOCK_PORT_RECONNECT = `${DOCK_PORT}/reconnect`;
export const FRAME_PORT_RECONNECT = `${FRAME_PORT}/reconnect`;

export type FrameToHost =
  | { hs: 'frame'; type: 'size'; width: number; height: number }
  | { hs: 'frame'; type: 'move-by'; dx: number; dy: number }
  | { hs: 'frame'; type: 'place'; right: number; top: number }
  | { hs: 'frame'; type: 'hide' };

export type HostToFrame = { hs: 'host'; type: 'placed'; right: number; top: number } | { hs: 'host'; type: 'focus-capture' };

/** The worker to the content script: the token to hand to its frame; `confirmed` once the frame redeemed it. */
export type WorkerToHost = { hs: 'worker'; type: 'token'; token: string } | { hs: 'worker'; type: 'confirmed' };
/** The worker to the overlay: it is the frame a Holdspace content script docked, on `host`. */
export type WorkerToFrame = { hs: 'worker'; type: 'confirmed'; host: string };
/** The overlay to the worker: the token its parent handed it (the only thing it ever takes from `postMessage`). */
export type Redeem = { hs: 'frame'; type: 'redeem'; token: string };
/** The content script to its own iframe, addressed to the extension's origin. */
export type TokenOffer = { hs: 'dock-token'; token: string };

const FRAME_TYPES = new Set(['size', 'move-by', 'place', 'hide']);
const HOST_TYPES = new Set(['placed', 'focus-capture']);
/** 128 random bits, hex. */
const TOKEN = /^[0-9a-f]{32}$/;

const finite = (...values: unknown[]) => values.every((v) => typeof v === 'number' && Number.isFinite(v));
const record = (data: unknown) => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {});

export function isFrameToHost(data: unknown): data is FrameToHost {
  const m = record(data);
  if (m.hs !== 'frame' || typeof m.type !== 'string' || !FRAME_TYPES.has(m.type)) return false;
  if (m.type === 'size') return finite(m.width, m.height);
  if (m.type === 'move-by') return finite(m.dx, m.dy);
  if (m.type === 'place') return finite(m.right, m.top);
  return true;
}

export function isHostToFrame(data: unknown): data is HostToFrame {
  const m = record(data);
  if (m.hs !== 'host' || typeof m.type !== 'string' || !HOST_TYPES.has(m.type)) return false;
  if (m.type === 'placed') return finite(m.right, m.top);
  return true;
}

export function isWorkerToHost(data: unknown): data is WorkerToHost {
  const m = record(data);
  return m.hs === 'worker' && (m.type === 'confirmed' || (m.type === 'token' && isToken(m.token)));
}

export function isWorkerToFrame(data: unknown): data is WorkerToFrame {
  const m = record(data);
  return m.hs === 'worker' && m.type === 'confirmed' && typeof m.host === 'string' && /^[a-z0-9.-]+$/.test(m.host);
}

export function isRedeem(data: unknown): data is Redeem {
  const m = record(data);
  return m.hs === 'frame' && m.type === 'redeem' && isToken(m.token);
}

export function isTokenOffer(data: unknown): data is TokenOffer {
  const m = record(data);
  return m.hs === 'dock-token' && isToken(m.token);
}

export const isToken = (value: unknown): value is string => typeof value === 'string' && TOKEN.test(value);

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
