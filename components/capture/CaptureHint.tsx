import type { ComponentChildren } from 'preact';
import { keyText } from '@/lib/keymap/keymap';
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
  const adds = `${keyText('capture.add')} adds`;
  const clears = `${keyText('capture.clear')} clears`;
  const switching = props.canSwitch ? ` · start with ${keyText('capture.prefix', ' ')} to switch kind` : '';
  const text = !props.hasText
    ? `Type, ${adds}${switching}`
    : props.kind === 'commitment'
      ? `${adds} · Tab for due date, how will you know, support · ${clears}`
      : `${adds} · ${keyText('capture.newline')} new line · ${clears}`;
  return (
    <p id={props.id} class="hs-capture__hint">
      {settings.showShortcutHints && <span>{text}</span>} {props.status}
    </p>
  );
}
