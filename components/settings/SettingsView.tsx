import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { AutoBackupSection } from './AutoBackupSection';
import { BackupSection } from './BackupSection';
import { ClientDataSection } from './ClientDataSection';
import { RetentionSection } from './RetentionSection';
import { DefaultsSection } from './DefaultsSection';
import { StorageSection } from './StorageSection';
import { LockSection } from './LockSection';
import { useSettings } from './useSettings';
import './settings.css';

/** Settings: session defaults and looks, the lock, backup and restore, one client's data, retention, storage health. */
export function SettingsView(props: { onClose(): void }) {
  const { layout } = useEnv();
  const headingId = useId();
  const { settings, loaded, update } = useSettings();
  // Opened by its button or key, focus moves here (its heading: Tab goes on to "Close settings", then the
  // fields), in the commit that shows it — not left on the strip's button, whose next Tab stops are the strip's.
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <section class={`settings settings--${layout}`} aria-labelledby={headingId}>
      <div class="settings__bar">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Settings
        </h2>
        <Button variant="ghost" small icon="close" onClick={props.onClose}>
          Close settings
        </Button>
      </div>
      {loaded ? (
        <DefaultsSection settings={settings} onSave={(patch) => void update(patch)} />
      ) : (
        <p class="small muted">Loading settings…</p>
      )}
      {loaded && <LockSection settings={settings} onSave={(patch) => void update(patch)} />}
      <BackupSection />
      {loaded && <AutoBackupSection settings={settings} onSave={(patch) => void update(patch)} />}
      <ClientDataSection />
      {loaded && <RetentionSection settings={settings} onSave={(patch) => void update(patch)} />}
      <StorageSection />
    </section>
  );
}
