import { Dialog } from '../ui/Dialog';
import { Button } from '../ui/Button';
import { SHORTCUT_HELP } from './shortcuts';
import type { Layout } from '@/lib/view/ports';

/** Every in-app key, one dialog away (? or the keyboard button). */
export function ShortcutHelp(props: { layout: Layout; onClose(): void }) {
  const rows = SHORTCUT_HELP.filter((s) => !s.overlayOnly || props.layout === 'overlay');
  return (
    <Dialog title="Keyboard shortcuts" onClose={props.onClose} class="dialog--help">
      <dl class="shortcut-list">
        {rows.map((s) => (
          <div class="shortcut-list__row" key={s.keys}>
            <dt>
              {s.keys.split('+').map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p class="muted small">In the question deck and capture, their own keys are shown beside the controls.</p>
      <div class="dialog__actions">
        <Button variant="primary" small onClick={props.onClose} data-autofocus>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
