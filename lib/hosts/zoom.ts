/**
 * The Zoom web client, as of 2026-11: `https://app.zoom.us/wc/<meeting id>/join` (or `/start`), and the
 * same under vanity subdomains (`https://acme.zoom.us/wc/…`). `/wc/home` and `/wc/join` without an id are
 * lobbies, not calls.
 */
import type { CallHost } from './types';

const ZOOM_CALL = /^\/wc\/\d{9,11}(\/[a-z-]*)?\/?$/;

export const zoom: CallHost = {
  id: 'zoom',
  label: 'Zoom',
  matchesHost: (hostname) => hostname === 'zoom.us' || hostname.endsWith('.zoom.us'),
  isCallPath: (pathname) => ZOOM_CALL.test(pathname),
};
