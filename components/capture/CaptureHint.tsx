import type { ComponentChildren } from 'preact';
import type { ItemKind } from '@/lib/model/types';
import { usePrefs } from '../app/prefs';

/** The next useful key, in one quiet line; after Escape cleared the words, a way to bring them back. */
export function CaptureHint(props: {
  id: string;
  kind: ItemKind;
  hasText: boolean;
  canSwitch: boolean;
  cleared: boolean;
  /** The draft's saved tick. */
  status: ComponentChildren;
  onBringBack(): void;
}) {
  const { settings } = usePrefs();
  if (props.cleared) {
    return (
      <p id={props.id} class="hs-capture__hint">
        Cleared.{' '}
        <button type="button" class="hs-capture__link" onClick={props.onBringBack}>
          Bring it back
        </button>
      </p>
    );
  }
  const switching = props.canSwitch ? ' · start with c: n: i: b: q: to switch kind' : '';
  const text = !props.hasText
    ? `Type, Enter adds${switching}`
    : props.kind === 'commitment'
      ? 'Enter adds · Tab for due date, how will you know, support · Esc clears'
      : 'Enter adds · Shift+Enter new line · Esc clears';
  return (
    <p id={props.id} class="hs-capture__hint">
      {settings.showShortcutHints && <span>{text}</span>} {props.status}
    </p>
  );
}
