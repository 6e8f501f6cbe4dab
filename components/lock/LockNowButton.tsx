import { keyText } from '@/lib/keymap/keymap';
import { IconButton } from '../ui/Button';
import { useLock } from './lockContext';

/** "Lock now", beside Settings, while the lock is on. */
export function LockNowButton() {
  const { status, lockNow } = useLock();
  if (!status?.on || status.locked) return null;
  return (
    <IconButton small variant="ghost" icon="lock" label="Lock now" title={`Lock now (${keyText('browser.lockNow')})`} onClick={lockNow} />
  );
}
