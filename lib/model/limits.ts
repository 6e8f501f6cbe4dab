/**
 * Every limit, default and format name of the coaching record, once. The record schemas (lib/model), the
 * API's input checks, backups, settings and the UI all read them from here, so no two paths disagree.
 */

export const LIMITS = {
  /** Ids and draft keys. */
  idLength: 200,
  /** A client's name. */
  nameLength: 200,
  /** Any free text: notes, contract fields, captured items, reflections. */
  textLength: 20_000,
  /** An e-mail address (RFC 5321's limit for a path). */
  emailLength: 254,
  /** A question of the deck. */
  questionLength: 1_000,
  /** One tag of a question. */
  tagLength: 40,
  /** Entries of a short list: a client's goals, a question's tags. */
  listEntries: 100,
  /** "Due this week": the commitments shown per client (the latest due); older overdue ones are counted, not listed. */
  dueListPerClient: 20,
  /** "Due this week" reads and lists about this many commitments at first, and as many more each time the coach asks. */
  dueCardsPerPage: 40,
  /** Lists that grow within one record: reviews of a commitment, questions asked and check-ins of a session. */
  recordEntries: 1_000,
  /** The stored form of one draft (a few half-typed fields), in characters of JSON. */
  draftChars: 100_000,
  /** Dates: years from/to (inclusive). */
  minYear: 1900,
  maxYear: 2200,
  /** A session's planned length, whole minutes. */
  sessionMinutes: { min: 5, max: 240 },
  /** Minutes before the planned end at which the wrap-up warning shows. */
  warningMinutes: { min: 0, max: 60 },
  /** A phase's share of the session, percent. */
  phasePercent: { min: 0, max: 100 },
  /** What a search reads of a query, and the most results it returns. */
  searchQueryLength: 200,
  searchResults: 100,
  /** The lock's passphrase, characters. */
  passphrase: { min: 8, max: 1_000 },
  /** "Lock after (minutes)" of no activity; 0 never locks by itself. */
  lockAfterMinutes: { min: 0, max: 24 * 60 },
  /** Retention: delete the records of clients not seen for this many months (Settings; off unless chosen). */
  retentionMonths: { min: 1, max: 240 },
  /**
   * A backup file (compressed, format 2), refused before it is read when larger. Files are read record by
   * record, so this is about what one coach's record can reasonably be, not about a message or string size.
   */
  backupBytes: 1024 * 1024 * 1024,
  /**
   * An older backup (uncompressed JSON, formats 0 and 1) is read as one text: a browser cannot hold a longer
   * string, so larger ones are refused with that reason.
   */
  legacyBackupBytes: 256 * 1024 * 1024,
  /** What a compressed backup may unpack to: a file that unpacks to more is refused (a "zip bomb"). */
  backupUnpackedBytes: 4 * 1024 * 1024 * 1024,
  /** One line (one record) of a backup, unpacked: a record within the other limits is far smaller. */
  backupLineBytes: 8 * 1024 * 1024,
  /**
   * The most records of each kind a backup may hold, far above any real practice (the benchmark's large
   * record is 200 clients, 10,000 sessions, 110,000 items): a file beyond them is refused, saying which.
   */
  backupRecords: { clients: 20_000, sessions: 1_000_000, items: 5_000_000, questions: 10_000, questionPrefs: 20_000 },
  /** A backup moves between a view and the worker in pages of this many bytes (runtime messages stay small). */
  backupPageBytes: 1024 * 1024,
} as const;

export const DEFAULTS = {
  sessionMinutes: 60,
  warningMinutes: 5,
  /** Percent of the planned length for each phase; they add up to 100. */
  phases: { contracting: 10, exploring: 60, actions: 20, closing: 10 },
  searchResults: 20,
  recentClients: 8,
  /** The line the coach's e-mail drafts to a client end with (Settings). */
  emailSignOff: 'Warm regards',
  /** Minutes of no activity before the lock locks. */
  lockAfterMinutes: 30,
  /** Retention's choices in Settings, months ("Off" besides them). */
  retentionChoices: [6, 12, 18, 24, 36, 48, 60, 72, 84, 120],
} as const;

/** The lock's key derivation (lib/crypto/kdf.ts): PBKDF2-SHA256 at OWASP's 2023 count for it. */
export const KDF = {
  iterations: 600_000,
  /** Counts read from a file or storage above this are refused (they would hang the worker). */
  maxIterations: 10_000_000,
  saltBytes: 16,
} as const;

/** The `format` names written into files Holdspace makes. */
export const FORMATS = {
  backup: 'holdspace-backup',
  session: 'holdspace-session',
  /** An encrypted backup: the envelope around a backup's bytes (lib/crypto/envelope.ts). */
  encrypted: 'holdspace-encrypted',
} as const;

/** "20,000": numbers in messages, the same in every locale. */
export const count = (n: number): string => n.toLocaleString('en');

/** Saving what the coach types when a view goes away, and the automatic backups outside the profile. */
export const SAFEKEEPING = {
  /** Autosave: a write this long after the last keystroke, and never later than this after the first unsaved one. */
  autosaveMs: 300,
  /** A write journaled by a view whose connection closed is replayed after an update only when this recent. */
  rescueMaxAgeMs: 5 * 60 * 1000,
  /**
   * The stored search index is saved this long after the last change and the last API call (a save serializes
   * the whole index; lib/search/search-index.ts). Under the 30 s after which MV3 stops an idle worker.
   */
  searchIndexSaveAfterMs: 20 * 1000,
  /**
   * A view opened: the search index is loaded (or built) once no API call has been under way for this long,
   * so that the view's first screen is answered before that work (lib/store/store.ts, `warmSearchWhenQuiet`).
   */
  searchWarmQuietMs: 400,
  /** After asking the views to save, the worker waits this long before it reloads for an update. */
  updateFlushWaitMs: 1000,
  /** Automatic backups: at most one a day besides the one after each ended session. */
  backupEveryMs: 24 * 60 * 60 * 1000,
  /** Automatic backups kept by default (the coach may choose 1–100). */
  backupsKept: 10,
  backupsKeptRange: { min: 1, max: 100 },
  /** The quiet warning shows when the last automatic backup is older than this. */
  backupStaleMs: 7 * 24 * 60 * 60 * 1000,
  /** The subfolder of Downloads the automatic backups go to. */
  backupFolder: 'Holdspace',
} as const;
