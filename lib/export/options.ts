import { isoDate, localZone, type ZoneOffset } from '../model/dates';

/** What every exporter takes besides the summary: the clock and the time zone, both injectable. */
export interface ExportOptions {
  now?: () => number;
  zone?: ZoneOffset;
}

/** The footer line every text format ends with. */
export function exportedOn(options: ExportOptions): string {
  return `Exported from Holdspace on ${isoDate((options.now ?? Date.now)(), options.zone ?? localZone)}.`;
}
