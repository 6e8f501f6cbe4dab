import { useEffect, type MutableRef } from 'preact/hooks';
import { reveal } from './focusWork';

/**
 * Keeps the focused control in view below the sticky header whenever the work area changes size: the
 * overlay's frame growing back from the pill, the side panel being resized, a narrow panel turning wide.
 * Only the area's own size counts, so content growing under the coach's hand never moves the scroll.
 */
export function useFocusInView(area: MutableRef<HTMLElement | null>): void {
  useEffect(() => {
    const el = area.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const focused = el.ownerDocument.activeElement;
      if (focused instanceof HTMLElement && focused !== el && el.contains(focused)) reveal(focused);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [area]);
}
