/**
 * Google Meet, as of 2026-11. A call URL is `https://meet.google.com/abc-defg-hij` (3-4-3 lowercase
 * letters), optionally followed by a query. The landing page, `/new`, `/landing` and lookups are not calls.
 */
import type { CallHost } from './types';

const MEET_CODE = /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$/;

export const meet: CallHost = {
  id: 'meet',
  label: 'Google Meet',
  matchesHost: (hostname) => hostname === 'meet.google.com',
  isCallPath: (pathname) => MEET_CODE.test(pathname),
};
