/**
 * The session as JSON, with all its items (or, for the client version, the shareable ones), in a
 * versioned schema: `{ format: FORMATS.session, formatVersion: 1, … }`. This is a record for the coach
 * or client to keep, not a backup: restoring data uses the whole-record backup (lib/backup).
 */
import type { ExportOptions } from './options';
import type { SummaryDoc } from './summary-model';
import { FORMATS } from '../model/limits';

export const SESSION_FORMAT = FORMATS.session;
export const SESSION_FORMAT_VERSION = 1;

export function toSessionJson(doc: SummaryDoc, options: ExportOptions = {}): string {
  const items = [...doc.commitments, ...doc.insights, ...doc.inquiries, ...doc.notes, ...doc.beliefs].sort(
    (a, b) => a.order - b.order || a.createdAt - b.createdAt,
  );
  const file = {
    format: SESSION_FORMAT,
    formatVersion: SESSION_FORMAT_VERSION,
    exportedAt: (options.now ?? Date.now)(),
    clientVersion: doc.clientVersion,
    client: doc.clientVersion ? { name: doc.client.name } : doc.client,
    session: {
      id: doc.sessionId,
      startedAt: doc.startedAt,
      endedAt: doc.endedAt,
      date: doc.date,
      durationMinutes: doc.durationMinutes,
      contract: doc.clientVersion ? { ...doc.contract, notes: undefined } : doc.contract,
      reflection: doc.clientVersion ? undefined : doc.reflection,
      // Added without a format bump: absent when no next session is planned.
      nextSession: doc.nextSession || undefined,
    },
    reviewed: doc.reviewed.map((r) => (doc.clientVersion ? { ...r, note: undefined } : r)),
    items,
    // Coach-private, so absent (not empty) in the client version.
    questionsAsked: doc.clientVersion ? undefined : doc.questions,
  };
  return JSON.stringify(file, null, 2) + '\n';
}
