import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { keyIs } from '@/lib/keymap/match';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A small modal dialog: focus moves in (to `[data-autofocus]` or the first control), Tab stays inside,
 * Escape closes, and focus returns to where it was.
 */
export function Dialog(props: { title: string; onClose(): void; children: ComponentChildren; class?: string; describedBy?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  // Focus moves in the commit that opens the dialog, before another key can arrive: a second Enter pressed right
  // after the one that opened it goes to the dialog, not to the control behind it that opened it.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const el = box.current;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>(FOCUSABLE);
    // Without scrolling: focusing a Close button at the end must not scroll the title out of view.
    first?.focus({ preventScroll: true });
    return () => {
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (keyIs('dialog.close', event)) {
      event.preventDefault();
      event.stopPropagation();
      onClose.current();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={box}
        class={`dialog ${props.class ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={props.describedBy}
        onKeyDown={onKeyDown}
      >
        <h2 class="dialog__title" id={titleId}>
          {props.title}
        </h2>
        {props.children}
      </div>
    </div>
  );
}
