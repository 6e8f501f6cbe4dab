import { describe, expect, it } from 'vitest';
import { clampPlacement, isFrameToHost, isHostToFrame } from '@/lib/frame/protocol';

describe('frame protocol', () => {
  it.each([
    [{ hs: 'frame', type: 'hide' }, true],
    [{ hs: 'frame', type: 'ready' }, false],
    [{ hs: 'frame', type: 'size', width: 368, height: 560 }, true],
    [{ hs: 'frame', type: 'size', width: '368px', height: 560 }, false],
    [{ hs: 'frame', type: 'move-by', dx: NaN, dy: 1 }, false],
    [{ hs: 'frame', type: 'place', right: 1, top: 2 }, true],
    [{ hs: 'frame', type: 'text', text: 'client notes' }, false],
    [{ hs: 'host', type: 'ready' }, false],
    [null, false],
    ['hide', false],
  ])('frame→host %j is valid: %s', (message, valid) => {
    expect(isFrameToHost(message)).toBe(valid);
  });

  it.each([
    [{ hs: 'host', type: 'placed', right: 10, top: 10 }, true],
    [{ hs: 'host', type: 'focus-capture' }, true],
    [{ hs: 'host', type: 'visibility', visible: true }, false],
    [{ hs: 'frame', type: 'focus-capture' }, false],
  ])('host→frame %j is valid: %s', (message, valid) => {
    expect(isHostToFrame(message)).toBe(valid);
  });

  it('keeps the panel on screen', () => {
    const frame = { width: 368, height: 560 };
    const viewport = { width: 1280, height: 800 };
    expect(clampPlacement({ right: 16, top: 72 }, frame, viewport)).toEqual({ right: 16, top: 72 });
    expect(clampPlacement({ right: -500, top: -20 }, frame, viewport)).toEqual({ right: 8, top: 8 });
    expect(clampPlacement({ right: 5000, top: 5000 }, frame, viewport)).toEqual({ right: 1280 - 368 - 8, top: 800 - 48 - 8 });
  });
});
