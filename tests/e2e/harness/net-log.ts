/**
 * Chromium's own record of every request the browser starts (`--log-net-log=<file>`): the requests of
 * pages and frames, and also those of the browser itself (autofill's server queries, updates, dictionary
 * downloads), which Playwright's request events never show. Read once the browser has closed.
 */
import { readFileSync } from 'node:fs';

export interface NetRequest {
  url: string;
  /** Milliseconds on the net log's own clock: comparable between requests of one log. */
  time: number;
}

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; time: string; params?: { url?: unknown } }[];
}

/** The URL requests the browser started, in order. A log cut short (a killed browser) is read up to its last event. */
export function startedRequests(file: string): NetRequest[] {
  const text = readFileSync(file, 'utf8');
  let log: NetLog;
  try {
    log = JSON.parse(text) as NetLog;
  } catch {
    log = JSON.parse(`${text.replace(/,?\s*$/, '')}]}`) as NetLog;
  }
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && typeof e.params?.url === 'string')
    .map((e) => ({ url: e.params!.url as string, time: Number(e.time) }));
}

/** The requests started strictly between the first request to `from` and the first to `to` (URL suffixes). */
export function between(requests: NetRequest[], from: string, to: string): NetRequest[] {
  const at = (suffix: string) => {
    const found = requests.find((r) => r.url.endsWith(suffix));
    if (!found) throw new Error(`No request to …${suffix} in the net log`);
    return found.time;
  };
  const [a, b] = [at(from), at(to)];
  return requests.filter((r) => r.time >= a && r.time <= b && !r.url.endsWith(from) && !r.url.endsWith(to));
}
