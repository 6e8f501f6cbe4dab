/**
 * Older backup files are brought up to the current format, one version at a time, before validation (the
 * full v1 schema then checks the result, so a migration never has to trust its input).
 *
 * Format history:
 * - v0 (pre-release builds): no `scope`; no `questionPrefs` — an own question carried its own `favourite`
 *   and `hidden` flags; items had no `shareable` flag (notes and beliefs were always private), no `reviews`
 *   and no `open` — a commitment had one `status` (`open` or a review status) and `statusAt`; sessions had
 *   no `reflection`; counts had no `reviews`.
 * - v1: one JSON object (lib/backup/serialize.ts wrote it), the records as they are today.
 * - v2: the current format (lib/backup/format.ts): gzip of one JSON line per record, with a trailer holding
 *   the line count and a CRC-32. The records themselves did not change, so a v1 file migrates by its version
 *   number alone; lib/backup/read.ts reads v2 files line by line and never builds the v1 object.
 */
import { fail, ok, type Result } from '../api/result';
import { DEFAULT_SHAREABLE, isOpenStatus, ITEM_KINDS, REVIEW_STATUSES, type ItemKind, type ReviewStatus } from '../model/types';
import { BACKUP_FORMAT_VERSION } from './format';
import { refusal } from './messages';

type Json = Record<string, unknown>;
export type Migration = (file: Json) => Json;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
/** Keeps a broken list broken, so the v1 schema reports it rather than the migration hiding it. */
const mapList = (value: unknown, fn: (record: Json) => Json): unknown =>
  Array.isArray(value) ? value.map((r) => (isObject(r) ? fn(r) : r)) : value;

function itemV0toV1(item: Json): Json {
  const kind = ITEM_KINDS.includes(item.kind as ItemKind) ? (item.kind as ItemKind) : null;
  const status = REVIEW_STATUSES.includes(item.status as ReviewStatus) ? (item.status as ReviewStatus) : null;
  const { status: _status, statusAt, ...rest } = item;
  const reviews =
    kind === 'commitment' && status
      ? [{ sessionId: item.sessionId, status, note: '', at: typeof statusAt === 'number' ? statusAt : item.updatedAt }]
      : [];
  // The store re-derives `open` on restore; this keeps the file itself consistent with the same rule.
  const open = kind === 'commitment' && isOpenStatus(status ?? 'open') ? 1 : 0;
  return { shareable: kind ? DEFAULT_SHAREABLE[kind] : false, ...rest, reviews, open };
}

export function migrateV0toV1(file: Json): Json {
  const exportedAt = file.exportedAt;
  const questionPrefs = objects(file.questions)
    .filter((q) => q.favourite === true || q.hidden === true)
    .map((q) => ({ questionId: q.id, favourite: q.favourite === true, hidden: q.hidden === true, updatedAt: exportedAt }));
  const migrated: Json = {
    ...file,
    formatVersion: 1,
    scope: file.scope ?? 'all',
    sessions: mapList(file.sessions, (s) => ({ reflection: '', ...s })),
    items: mapList(file.items, itemV0toV1),
    questions: mapList(file.questions, ({ favourite: _f, hidden: _h, ...q }) => q),
    questionPrefs,
  };
  // v0 counted clients, sessions, items and questions; its reviews are the ones just made from `status`.
  const reviews = objects(migrated.items).reduce((n, i) => n + (Array.isArray(i.reviews) ? i.reviews.length : 0), 0);
  migrated.counts = isObject(file.counts) ? { ...file.counts, reviews } : file.counts;
  return migrated;
}

/** v1 → v2: the same records; only the container changed (compressed lines instead of one object). */
export function migrateV1toV2(file: Json): Json {
  return { ...file, formatVersion: 2 };
}

/** Migration from version n to n + 1, by n. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 0: migrateV0toV1, 1: migrateV1toV2 };

/** Runs every migration from the file's version up to the current one. */
export function migrateToCurrent(file: Json, fromVersion: number): Result<Json> {
  let current = file;
  for (let version = fromVersion; version < BACKUP_FORMAT_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return fail('invalid', refusal(`its format version ${version} is not one Holdspace can read.`), 'formatVersion');
    current = step(current);
  }
  return ok(current);
}
