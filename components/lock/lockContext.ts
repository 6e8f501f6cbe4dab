import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LockStatus } from '@/lib/api/contract';

export interface LockState {
  status: LockStatus | null;
  /** Drops the key now: every view shows the passphrase prompt. */
  lockNow(): void;
  /** True in the render that follows an unlock in this view (the app mounts again then): focus goes to the work. */
  unlockedNow: boolean;
}

export const LockContext = createContext<LockState>({ status: null, lockNow: () => undefined, unlockedNow: false });

export const useLock = () => useContext(LockContext);
