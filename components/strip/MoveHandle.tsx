import { useRef } from 'preact/hooks';
import type { OverlayFrame } from '@/lib/view/ports';
import { Icon } from '../ui/Icon';

const STEP = 16;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-STEP, 0],
  ArrowRight: [STEP, 0],
  ArrowUp: [0, -STEP],
  ArrowDown: [0, STEP],
};

/**
 * Moves the overlay on the call page: drag it, or focus it and use the arrow keys. Deltas are in screen
 * px, which stay true while the frame itself moves under the pointer.
 */
export function MoveHandle(props: { frame: OverlayFrame }) {
  const last = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    last.current = { x: e.screenX, y: e.screenY };
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!last.current) return;
    const dx = e.screenX - last.current.x;
    const dy = e.screenY - last.current.y;
    if (dx === 0 && dy === 0) return;
    last.current = { x: e.screenX, y: e.screenY };
    props.frame.moveBy(dx, dy);
  };
  const end = () => (last.current = null);
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = ARROWS[e.key];
    if (!delta) return;
    e.preventDefault();
    const scale = e.shiftKey ? 4 : 1;
    props.frame.moveBy(delta[0] * scale, delta[1] * scale);
  };
  return (
    <button
      type="button"
      class="move-handle"
      aria-label="Move panel"
      title="Move panel (drag, or arrow keys)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    >
      <Icon name="grip" />
    </button>
  );
}
