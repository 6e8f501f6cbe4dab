/**
 * Backup files in the worker while they move to or from a view, page by page (lib/api/contract.ts
 * `BackupTransfer`). Kept in memory only: a transfer lost to a stopped worker is simply started again by
 * the view (lib/backup/transfer.ts). Old ones are forgotten, and the bytes held at once are bounded.
 */
import type { BackupTransfer } from '../api/contract';
import type { Result } from '../api/result';
import type { BackupFile } from '../backup/format';
import { fromBase64, toBase64 } from '../backup/base64';
import { LIMITS } from '../model/limits';
import { TOO_LARGE } from '../backup/messages';
import { isEnvelope } from '../crypto/envelope';
import { invalid, notFound } from './tx';

/** A transfer untouched this long is forgotten. */
const TTL_MS = 15 * 60 * 1000;
const PAGE = LIMITS.backupPageBytes;

interface Entry {
  parts: Uint8Array[];
  bytes: number;
  /** A file the worker made (export), whole: pages are cut from it without a copy. */
  made: Uint8Array | null;
  /** An uploaded file, whole, once asked for (import). */
  blob: Blob | null;
  /** The outcome of reading the file, kept between the preview and the import. */
  checked: Result<BackupFile> | null;
  touched: number;
  /** The file is the encrypted envelope (as its first bytes say). */
  encrypted: boolean;
}

export interface Transfers {
  /** Holds a file the worker made. */
  add(bytes: Uint8Array, encrypted: boolean): BackupTransfer;
  /** A page of a held file, as base64. */
  page(id: string, page: number): Promise<string>;
  /** Appends the next page of a file a view sends; opens a transfer when `id` is undefined. */
  append(id: string | undefined, page: number, data: string): BackupTransfer;
  /** The uploaded file, whole. */
  file(id: string): Blob;
  /** The checked outcome, computed once per transfer. */
  check(id: string, read: (file: Blob) => Promise<Result<BackupFile>>): Promise<Result<BackupFile>>;
  end(id: string): void;
}

export function createTransfers(now: () => number, newId: () => string): Transfers {
  const held = new Map<string, Entry>();
  const prune = () => {
    for (const [id, e] of held) if (now() - e.touched > TTL_MS) held.delete(id);
  };
  const get = (id: string): Entry => {
    prune();
    const e = held.get(id);
    if (!e) throw notFound('This backup transfer (it was interrupted, or the browser stopped Holdspace’s worker meanwhile)');
    e.touched = now();
    return e;
  };
  const info = (id: string, e: Entry): BackupTransfer => ({
    transfer: id,
    bytes: e.bytes,
    pages: Math.ceil(e.bytes / PAGE),
    encrypted: e.encrypted,
  });
  const heldBytes = () => [...held.values()].reduce((n, e) => n + e.bytes, 0);
  return {
    add(bytes, encrypted) {
      prune();
      const id = newId();
      const e: Entry = { parts: [], bytes: bytes.length, made: bytes, blob: null, checked: null, touched: now(), encrypted };
      held.set(id, e);
      return info(id, e);
    },
    async page(id, page) {
      const made = get(id).made;
      if (!made || page * PAGE >= Math.max(made.length, 1)) throw invalid(`The backup has no page ${page + 1}.`, 'page');
      return toBase64(made.subarray(page * PAGE, (page + 1) * PAGE));
    },
    append(id, page, data) {
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(data);
      } catch {
        throw invalid('A page of the backup file arrived damaged. Choose the file again.', 'data');
      }
      let key = id;
      let e: Entry;
      if (key === undefined) {
        if (page !== 0) throw invalid('A backup file is sent from its first page.', 'page');
        prune();
        key = newId();
        e = { parts: [], bytes: 0, made: null, blob: null, checked: null, touched: now(), encrypted: false };
        held.set(key, e);
      } else {
        e = get(key);
      }
      if (e.made) throw invalid('This transfer holds a file the worker made.', 'transfer');
      if (page !== e.parts.length) throw invalid(`Page ${page + 1} of the backup arrived out of order. Choose the file again.`, 'page');
      if (heldBytes() + bytes.length > LIMITS.backupBytes) {
        held.delete(key);
        throw invalid(TOO_LARGE, 'data');
      }
      if (page === 0) e.encrypted = isEnvelope(bytes);
      e.parts.push(bytes);
      e.bytes += bytes.length;
      e.blob = null;
      e.checked = null;
      return info(key, e);
    },
    file(id) {
      const e = get(id);
      e.blob ??= new Blob((e.made ? [e.made] : e.parts) as BlobPart[]);
      return e.blob;
    },
    async check(id, read) {
      const e = get(id);
      e.checked ??= await read(this.file(id));
      return e.checked;
    },
    end(id) {
      held.delete(id);
    },
  };
}
