import { meet } from './meet';
import { zoom } from './zoom';
import type { CallHost } from './types';

export const CALL_HOSTS: readonly CallHost[] = [meet, zoom];

/** The host whose call this URL is, or null when the overlay does not belong on it. */
export function callHostOf(url: string | URL): CallHost | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const host = CALL_HOSTS.find((h) => h.matchesHost(u.hostname));
  return host && host.isCallPath(u.pathname) ? host : null;
}
