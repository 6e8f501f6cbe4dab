import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LockStatus } from '@/lib/api/contract';

export interface LockState {
  status: LockStatus | null;
  /** Drops the key now: every view shows the passphrase prompt. */
  lockNow(): void;
}

export const LockContext = createContext<LockState>({ status: null, lockNow: () => undefined });

export const useLock = () => useContext(LockContext);
