import { Fragment } from 'preact';
import { KEYMAP, keyParts, keysByScope, SCOPE_NAMES, type KeyEntry } from '@/lib/keymap/keymap';
import { Dialog } from '../ui/Dialog';
import { Button } from '../ui/Button';
import type { Layout } from '@/lib/view/ports';

/**
 * Every in-app key, one dialog away (? or the keyboard button), grouped by where it works. The rows are the
 * keymap's (lib/keymap): browser commands are left out (the coach may have changed them in the browser),
 * and keys for the overlay only are left out of the side panel.
 */
export function ShortcutHelp(props: {
  layout: Layout;
  onClose(): void;
  /** The keymap unless a test passes its own. */ keymap?: readonly KeyEntry[];
}) {
  const groups = keysByScope(props.keymap ?? KEYMAP)
    .filter((g) => g.scope !== 'browser')
    .map((g) => ({ ...g, entries: g.entries.filter((e) => !e.overlayOnly || props.layout === 'overlay') }))
    .filter((g) => g.entries.length > 0);
  return (
    <Dialog title="Keyboard shortcuts" onClose={props.onClose} class="dialog--help">
      {/* The list scrolls on its own (a tab stop, so it scrolls by keyboard too) and Close stays in view. */}
      <div class="shortcut-help__list" role="region" aria-label="All shortcuts" tabIndex={0}>
        {groups.map((g) => (
          <section key={g.scope} class="shortcut-group">
            <h3 class="shortcut-group__title">{SCOPE_NAMES[g.scope]}</h3>
            <dl class="shortcut-list">
              {g.entries.map((e) => (
                <div class="shortcut-list__row" key={e.id} data-key-id={e.id}>
                  <dt>
                    {e.run ? (
                      <RunKeys keys={e.keys} />
                    ) : (
                      e.keys.map((chord, i) => (
                        <Fragment key={chord}>
                          {i > 0 && (e.typed ? ' ' : <span class="shortcut-list__or">or</span>)}
                          {keyParts(chord).map((k, j) => (
                            <kbd key={j}>{k}</kbd>
                          ))}
                        </Fragment>
                      ))
                    )}
                  </dt>
                  <dd>{e.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p class="muted small">Single-character keys wait while you type in a field.</p>
      <div class="dialog__actions">
        <Button variant="primary" small onClick={props.onClose} data-autofocus>
          Close
        </Button>
      </div>
    </Dialog>
  );
}

/** A run of keys (Ctrl+1 … Ctrl+5) as one: Ctrl 1 … 5. */
function RunKeys(props: { keys: readonly string[] }) {
  const first = keyParts(props.keys[0]!);
  const last = keyParts(props.keys[props.keys.length - 1]!).pop();
  return (
    <>
      {first.map((k, j) => (
        <kbd key={j}>{k}</kbd>
      ))}
      <span class="shortcut-list__or">…</span>
      <kbd>{last}</kbd>
    </>
  );
}
