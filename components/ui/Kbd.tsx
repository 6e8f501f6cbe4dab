import { usePrefs } from '../app/prefs';

/**
 * A visible shortcut hint, e.g. `<Kbd keys="Alt+T" />`. Decorative for screen readers: the control it
 * sits on carries `aria-keyshortcuts`. Hidden when the coach turns shortcut hints off in settings.
 */
export function Kbd(props: { keys: string; class?: string; /** Only the last key ("1" for Alt+1), where space is tight. */ short?: boolean }) {
  const { settings } = usePrefs();
  if (!settings.showShortcutHints) return null;
  return (
    <span class={`kbd-hint ${props.class ?? ''}`} aria-hidden="true">
      {(props.short ? props.keys.split('+').slice(-1) : props.keys.split('+')).map((k) => (
        <kbd key={k}>{k}</kbd>
      ))}
    </span>
  );
}
