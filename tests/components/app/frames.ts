import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetStubs } from './stub-slots';

/**
 * Shell tests run on fake timers and frames: nothing that waits for a frame or a timeout happens unless a
 * test advances the clock. Each test starts at the overlay's width (360 px) with fresh slot stubs.
 */
export function useFakeFrames() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestAnimationFrame'] });
    resetStubs();
    window.innerWidth = 360;
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });
}
