/**
 * The lock (issue 12): turning it on, unlocking, locking, changing the passphrase, turning it off, and the
 * codec every transaction goes through (lib/store/sealed-tx.ts).
 *
 * Where the keys live: the passphrase is never stored; the data key is stored only wrapped (AES-KW) in the
 * `meta` store. After an unlock the raw data key is kept in memory-only extension storage (`storage.session`,
 * through `SessionKeyPort`), so a worker that MV3 stopped picks it up again without asking; the browser
 * clears that storage when it closes, and "Lock now" or the idle time clears it at once.
 *
 * Turning the lock on or off rewrites every record in place in short batches, each one transaction; the
 * state in `meta` says a rewrite is under way, reads take both forms meanwhile, and the next unlock (or worker
 * start with the key) finishes it: killing the browser midway loses nothing.
 */
import type { LockStatus } from '../api/contract';
import { HoldspaceError } from '../api/result';
import { fromBase64, toBase64 } from '../crypto/bytes';
import { importDataKey } from '../crypto/codec';
import type { EnvelopeKey } from '../crypto/envelope';
import {
  checkKdfParams,
  deriveWrappingKey,
  newDataKey,
  newKdfParams,
  unwrapDataKey,
  wrapDataKey,
  WrongPassphraseError,
} from '../crypto/kdf';
import { LIMITS } from '../model/limits';
import { keysAfter, type HoldspaceDatabase } from './db';
import { CLEAR_FIELDS, PLAIN, type Codec, type SealedStoreName } from './codec';
import type { LockMeta } from './lock-meta';
import { sealTx } from './sealed-tx';

/** What the worker keeps in memory-only storage while unlocked. */
export interface SessionKey {
  /** The raw data key, base64. */
  key: string;
  /** The coach's last activity (ms). */
  lastActive: number;
}

/** Memory-only extension storage (`storage.session`): never written to disk, cleared when the browser closes. */
export interface SessionKeyPort {
  get(): Promise<SessionKey | null>;
  set(value: SessionKey | null): Promise<void>;
}

export type { LockStatus };

export interface LockOptions {
  db: () => Promise<HoldspaceDatabase>;
  now: () => number;
  keys: SessionKeyPort;
  /** Minutes of no activity after which the lock locks (0: never), and whether it may lock mid-timer. */
  idle?: () => Promise<{ minutes: number; duringTimer: boolean }>;
  /** Whether a session's timer is running now. */
  timerRunning?: () => Promise<boolean>;
  /** PBKDF2 iterations for new passphrases (tests lower it; the default is lib/model/limits.ts's). */
  iterations?: number;
  /** Records rewritten per transaction when turning on or off. */
  batch?: number;
  /** Called after the lock state changed (locked, unlocked, turned on or off). */
  onChange?: () => void;
}

const MINUTE = 60_000;
/** Activity within this long of the last recorded one is not written again. */
const TOUCH_EVERY = 5_000;
/** Ordinary API calls check the idle lock at most this often (see `lockIfIdle`). */
const IDLE_CHECK_EVERY = 5_000;

export const LOCKED_MESSAGE = 'Holdspace is locked. Unlock it with your passphrase.';
const WRONG = 'That passphrase is not the right one. Check Caps Lock and try again.';

export const lockedError = () => new HoldspaceError('locked', LOCKED_MESSAGE);

function checkNewPassphrase(passphrase: string, repeat: string): void {
  if (passphrase.length < LIMITS.passphrase.min)
    throw new HoldspaceError('invalid', `The new passphrase needs at least ${LIMITS.passphrase.min} characters.`, 'passphrase');
  if (passphrase.length > LIMITS.passphrase.max)
    throw new HoldspaceError('invalid', `The new passphrase can have at most ${LIMITS.passphrase.max} characters.`, 'passphrase');
  if (passphrase !== repeat) throw new HoldspaceError('invalid', 'The two passphrases are not the same. Type them again.', 'repeat');
}

export type LockService = ReturnType<typeof createLock>;

export function createLock(opts: LockOptions) {
  let meta: LockMeta | null | undefined; // undefined: not read yet
  let current: { raw: string; key: CryptoKey; lastActive: number } | null = null;
  let loadedSession = false;
  let rewriting: Promise<void> | null = null;
  let idleCheckedAt = -Infinity;
  /** Bumped whenever what `codec()` answers may change (lib/store/tx.ts `codecTransaction`). */
  let epoch = 0;

  const readMeta = async (): Promise<LockMeta | null> => {
    if (meta === undefined) meta = (await (await opts.db()).get('meta', 'lock')) ?? null;
    return meta;
  };
  const writeMeta = async (next: LockMeta | null): Promise<void> => {
    const db = await opts.db();
    if (next) await db.put('meta', next);
    else await db.delete('meta', 'lock');
    meta = next;
    epoch++;
  };

  const remember = async (raw: Uint8Array, lastActive: number) => {
    const b64 = toBase64(raw);
    current = { raw: b64, key: await importDataKey(raw), lastActive };
    epoch++;
    await opts.keys.set({ key: b64, lastActive });
  };

  /** The data key while unlocked (from memory, or memory-only storage after the worker restarted). */
  let loading: Promise<void> | null = null;
  /** `current` as it is now (after an await, not as narrowed before it). */
  const held = () => current;
  const sessionKey = async (): Promise<CryptoKey | null> => {
    if (current) return current.key;
    if (!loadedSession) {
      // One read for every call that arrives while it runs (a restarted worker gets several at once).
      loading ??= (async () => {
        const stored = await opts.keys.get().catch(() => null);
        if (stored && !loadedSession)
          current = { raw: stored.key, key: await importDataKey(fromBase64(stored.key)), lastActive: stored.lastActive };
        loadedSession = true;
        epoch++;
      })();
      await loading;
    }
    return held()?.key ?? null;
  };

  const forget = async () => {
    current = null;
    loadedSession = true;
    epoch++;
    await opts.keys.set(null);
  };

  const codecFor = (m: LockMeta, key: CryptoKey): Codec =>
    m.state === 'turning-off' ? { read: key, write: null } : { read: key, write: key };

  /** Rewrites every record through `codec` (encrypting or decrypting in place), in batches. */
  async function rewriteAll(codec: Codec): Promise<void> {
    const db = await opts.db();
    const batch = opts.batch ?? 200;
    // The stored search index holds every indexed word in clear: it is dropped, not rewritten (with the lock
    // on it is not stored; lib/store/search-store.ts), and rebuilt from the record when next needed.
    if (db.objectStoreNames.contains('searchIndex')) await db.clear('searchIndex');
    for (const store of Object.keys(CLEAR_FIELDS) as SealedStoreName[]) {
      for (let last: IDBValidKey | undefined; ;) {
        const tx = sealTx(db.transaction([store], 'readwrite') as never, codec);
        const s = tx.objectStore(store);
        const keys = (await s.getAllKeys(keysAfter(last as string | undefined) as never, batch)) as IDBValidKey[];
        const values = await s.getAll(keysAfter(last as string | undefined) as never, batch);
        await Promise.all(values.map((v) => s.put(v as never)));
        await tx.done;
        if (keys.length < batch) break;
        last = keys[keys.length - 1];
      }
    }
  }

  /** Finishes a rewrite left under way (the browser closed midway), once. */
  async function finishRewrite(): Promise<void> {
    const m = await readMeta();
    const key = await sessionKey();
    if (!m || !key || m.state === 'on') return;
    rewriting ??= (async () => {
      try {
        await rewriteAll(codecFor(m, key));
        if (m.state === 'turning-on') await writeMeta({ ...m, state: 'on' });
        else {
          await writeMeta(null);
          await forget();
        }
      } finally {
        rewriting = null;
      }
    })();
    return rewriting;
  }

  async function unwrapWith(m: LockMeta, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
    checkKdfParams(m.kdf);
    try {
      return await unwrapDataKey(m.wrappedKey, await deriveWrappingKey(passphrase, m.kdf));
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new HoldspaceError('invalid', WRONG, 'passphrase');
      throw error;
    }
  }

  async function idleSettings() {
    return (await opts.idle?.().catch(() => null)) ?? { minutes: 0, duringTimer: false };
  }

  const service = {
    /** Changes whenever `codec()` may answer differently. */
    codecEpoch: () => epoch,

    /** The codec for the next transaction; rejects with `locked` while locked. */
    async codec(): Promise<Codec> {
      const m = await readMeta();
      if (!m) return PLAIN;
      const key = await sessionKey();
      if (!key) throw lockedError();
      return codecFor(m, key);
    },

    async status(): Promise<LockStatus> {
      const m = await readMeta();
      if (!m) return { on: false, locked: false, rewriting: false, lockAt: null };
      const key = await sessionKey();
      if (!key || !current) return { on: true, locked: true, rewriting: m.state !== 'on', lockAt: null };
      const idle = await idleSettings();
      const running = idle.minutes > 0 && !idle.duringTimer && (await opts.timerRunning?.().catch(() => false));
      const lockAt = idle.minutes > 0 && !running ? current.lastActive + idle.minutes * 60_000 : null;
      return { on: true, locked: false, rewriting: m.state !== 'on', lockAt };
    },

    /** The coach did something: the idle time starts again. */
    async touch(): Promise<void> {
      if (!current && !(await sessionKey())) return;
      const now = opts.now();
      if (current && now - current.lastActive > TOUCH_EVERY) {
        current.lastActive = now;
        await opts.keys.set({ key: current.raw, lastActive: now });
      }
    },

    /**
     * Locks when the idle time has passed (and no timer runs, unless the coach allowed that). `throttled` (the
     * check before every ordinary API call) looks at the settings and the timer at most every
     * IDLE_CHECK_EVERY: a coach reading without writing for a minute would otherwise pay that on every call.
     * The views ask unthrottled when their idle time is up (LockGate), so the lock is not late.
     */
    async lockIfIdle(throttled = false): Promise<boolean> {
      // The hot path: active within the last minute (the shortest idle time), or no key — nothing to check.
      if (!(await readMeta()) || !(await sessionKey()) || !current || opts.now() - current.lastActive < MINUTE) return false;
      if (throttled && opts.now() - idleCheckedAt < IDLE_CHECK_EVERY) return false;
      idleCheckedAt = opts.now();
      const s = await service.status();
      if (!s.on || s.locked || s.lockAt === null || opts.now() < s.lockAt) return false;
      await service.lockNow();
      return true;
    },

    async lockNow(): Promise<void> {
      if (!(await readMeta())) return;
      await forget();
      opts.onChange?.();
    },

    async unlock(passphrase: string): Promise<void> {
      const m = await readMeta();
      if (!m) return;
      const raw = await unwrapWith(m, passphrase);
      await remember(raw, opts.now());
      opts.onChange?.();
      await finishRewrite();
    },

    async turnOn(passphrase: string, repeat: string): Promise<void> {
      checkNewPassphrase(passphrase, repeat);
      if (await readMeta()) throw new HoldspaceError('conflict', 'The lock is already on.');
      const kdf = newKdfParams(opts.iterations);
      const raw = newDataKey();
      const wrappedKey = await wrapDataKey(raw, await deriveWrappingKey(passphrase, kdf));
      await remember(raw, opts.now());
      await writeMeta({ id: 'lock', kdf, wrappedKey, state: 'turning-on', at: opts.now() });
      opts.onChange?.();
      await finishRewrite();
    },

    async changePassphrase(currentPassphrase: string, passphrase: string, repeat: string): Promise<void> {
      const m = await readMeta();
      if (!m) throw new HoldspaceError('conflict', 'The lock is off: there is no passphrase to change.');
      const raw = await unwrapWith(m, currentPassphrase);
      checkNewPassphrase(passphrase, repeat);
      const kdf = newKdfParams(opts.iterations);
      const wrappedKey = await wrapDataKey(raw, await deriveWrappingKey(passphrase, kdf));
      await writeMeta({ ...m, kdf, wrappedKey, at: opts.now() });
    },

    async turnOff(passphrase: string): Promise<void> {
      const m = await readMeta();
      if (!m) return;
      const raw = await unwrapWith(m, passphrase);
      await remember(raw, opts.now());
      await writeMeta({ ...m, state: 'turning-off' });
      await finishRewrite();
      opts.onChange?.();
    },

    /** Finishes a rewrite left under way, when the key is at hand (a worker start after the browser was killed). */
    resume: finishRewrite,

    /** The key that seals an encrypted backup: the lock's own, or null with the lock off. */
    async envelopeKey(): Promise<EnvelopeKey | null> {
      const m = await readMeta();
      if (!m || m.state === 'turning-off') return null;
      const key = await sessionKey();
      if (!key || !current) throw lockedError();
      const dataKey = await crypto.subtle.importKey('raw', fromBase64(current.raw), { name: 'AES-GCM' }, false, ['encrypt']);
      return { kdf: m.kdf, wrappedKey: m.wrappedKey, dataKey };
    },
  };
  return service;
}
