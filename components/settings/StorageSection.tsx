import type { StorageHealth } from '@/lib/api/contract';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { SettingsSection } from './SettingsSection';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

function healthText(h: StorageHealth): string[] {
  const persisted = h.persisted
    ? 'Storage is persistent: the browser will not clear it to free space.'
    : 'Storage is not marked persistent: the browser may clear it when the disk runs low. Export a backup regularly.';
  const usage =
    h.usageBytes !== null && h.quotaBytes !== null
      ? `Using ${formatBytes(h.usageBytes)} of ${formatBytes(h.quotaBytes)} available.`
      : h.usageBytes !== null
        ? `Using ${formatBytes(h.usageBytes)}.`
        : 'The browser does not report how much space is used.';
  return [persisted, usage];
}

/** Whether the record is safe from the browser's clean-up, and how much room it takes. */
export function StorageSection() {
  const { api } = useEnv();
  const health = useLiveQuery(() => api.storageHealth({}), [], ['all']);
  return (
    <SettingsSection title="Storage">
      {health.data ? (
        healthText(health.data).map((line) => (
          <p key={line} class="small">
            {line}
          </p>
        ))
      ) : (
        <p class="small muted">{health.error ? `Storage health is not available: ${health.error.message}` : 'Checking storage…'}</p>
      )}
    </SettingsSection>
  );
}
