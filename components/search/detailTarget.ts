import type { Id } from '@/lib/model/types';

/** A search result the coach opened: which record, and where to find it. */
export type DetailTarget =
  { kind: 'client'; id: Id } | { kind: 'session'; id: Id } | { kind: 'item'; id: Id; sessionId: Id | null } | { kind: 'question'; id: Id };
