// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayFrame } from '@/lib/view/ports';
import { MoveHandle } from '@/components/strip/MoveHandle';

afterEach(cleanup);

const aFrame = (): OverlayFrame => ({ setCollapsed: vi.fn(), moveBy: vi.fn(), hide: vi.fn(), onFocusCapture: vi.fn(() => () => {}) });

describe('MoveHandle', () => {
  it('drags by screen deltas', () => {
    const frame = aFrame();
    render(<MoveHandle frame={frame} />);
    const handle = screen.getByRole('button', { name: 'Move panel' });
    fireEvent.pointerDown(handle, { button: 0, screenX: 100, screenY: 100, pointerId: 1 });
    fireEvent.pointerMove(handle, { screenX: 90, screenY: 120, pointerId: 1 });
    fireEvent.pointerMove(handle, { screenX: 85, screenY: 120, pointerId: 1 });
    fireEvent.pointerUp(handle, { pointerId: 1 });
    fireEvent.pointerMove(handle, { screenX: 0, screenY: 0, pointerId: 1 });
    expect(frame.moveBy).toHaveBeenNthCalledWith(1, -10, 20);
    expect(frame.moveBy).toHaveBeenNthCalledWith(2, -5, 0);
    expect(frame.moveBy).toHaveBeenCalledTimes(2);
  });

  it('moves with the arrow keys, further with Shift', () => {
    const frame = aFrame();
    render(<MoveHandle frame={frame} />);
    const handle = screen.getByRole('button', { name: 'Move panel' });
    fireEvent.keyDown(handle, { key: 'ArrowDown' });
    fireEvent.keyDown(handle, { key: 'ArrowRight', shiftKey: true });
    expect(frame.moveBy).toHaveBeenNthCalledWith(1, 0, 16);
    expect(frame.moveBy).toHaveBeenNthCalledWith(2, 64, 0);
  });
});
