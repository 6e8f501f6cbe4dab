import type { KeyId } from '@/lib/keymap/keymap';
import { keyEntry, keyParts } from '@/lib/keymap/keymap';
import { usePrefs } from '../app/prefs';

/**
 * A visible shortcut hint, e.g. `<Kbd shortcut="timer.toggle" />` shows the keymap's first key for that
 * entry (Alt T). Decorative for screen readers: the control it sits on carries `aria-keyshortcuts`. Hidden
 * when the coach turns shortcut hints off in settings.
 */
export function Kbd(props: {
  shortcut: KeyId;
  class?: string;
  /** Only the last key ("1" for Alt+1), where space is tight. */ short?: boolean;
}) {
  const { settings } = usePrefs();
  if (!settings.showShortcutHints) return null;
  const parts = keyParts(keyEntry(props.shortcut).keys[0]!);
  return (
    <span class={`kbd-hint ${props.class ?? ''}`} aria-hidden="true">
      {(props.short ? parts.slice(-1) : parts).map((k) => (
        <kbd key={k}>{k}</kbd>
      ))}
    </span>
  );
}
