/**
 * Where the unlocked data key waits while the browser runs: `storage.session`, the extension storage kept
 * in memory only (never written to disk, cleared when the browser closes), so a worker MV3 stopped finds it
 * again and the coach is not asked mid-call. Only the extension's own pages and worker can read it.
 */
import { storage } from '#imports';
import type { SessionKey, SessionKeyPort } from '../store/lock';

const KEY = 'session:lock' as const;

export const sessionLockKeys: SessionKeyPort = {
  get: async () => (await storage.getItem<SessionKey>(KEY)) ?? null,
  set: async (value) => (value ? storage.setItem(KEY, value) : storage.removeItem(KEY)),
};
