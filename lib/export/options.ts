import { isoDate, localZone, type ZoneOffset } from '../model/dates';

/** What every exporter takes besides the summary: the clock and the time zone, both injectable. */
export interface ExportOptions {
  now?: () => number;
  zone?: ZoneOffset;
}

/**
 * The footer line the coach's exports end with. The client version ends without it: what the client reads
 * is the coach's own summary, not a tool's output.
 */
export function exportFooter(clientVersion: boolean, options: ExportOptions): string {
  return clientVersion ? '' : exportedOn(options);
}

export function exportedOn(options: ExportOptions): string {
  return `Exported from Holdspace on ${isoDate((options.now ?? Date.now)(), options.zone ?? localZone)}.`;
}
