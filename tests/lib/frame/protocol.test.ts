import { describe, expect, it } from 'vitest';
import {
  clampPlacement,
  isFrameToHost,
  isHostToFrame,
  isRedeem,
  isTokenOffer,
  isWorkerToFrame,
  isWorkerToHost,
} from '@/lib/frame/protocol';

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

  const TOKEN = '0123456789abcdef0123456789abcdef';
  it.each([
    [isWorkerToHost, { hs: 'worker', type: 'token', token: TOKEN }, true],
    [isWorkerToHost, { hs: 'worker', type: 'token', token: 'short' }, false],
    [isWorkerToHost, { hs: 'worker', type: 'confirmed' }, true],
    [isWorkerToFrame, { hs: 'worker', type: 'confirmed', host: 'meet.google.com' }, true],
    [isWorkerToFrame, { hs: 'worker', type: 'confirmed', host: 'evil/../x' }, false],
    [isRedeem, { hs: 'frame', type: 'redeem', token: TOKEN }, true],
    [isRedeem, { hs: 'frame', type: 'redeem', token: TOKEN.toUpperCase() }, false],
    [isTokenOffer, { hs: 'dock-token', token: TOKEN }, true],
    [isTokenOffer, { hs: 'dock-token', token: 42 }, false],
  ])('%o accepts %j: %s', (guard, message, valid) => {
    expect((guard as (m: unknown) => boolean)(message)).toBe(valid);
  });

  it('keeps the panel on screen', () => {
    const frame = { width: 368, height: 560 };
    const viewport = { width: 1280, height: 800 };
    expect(clampPlacement({ right: 16, top: 72 }, frame, viewport)).toEqual({ right: 16, top: 72 });
    expect(clampPlacement({ right: -500, top: -20 }, frame, viewport)).toEqual({ right: 8, top: 8 });
    expect(clampPlacement({ right: 5000, top: 5000 }, frame, viewport)).toEqual({ right: 1280 - 368 - 8, top: 800 - 48 - 8 });
  });
});
