import { useEffect, useRef } from 'preact/hooks';
import type { TimerMode } from '@/lib/timer/timer';
import { useEnv } from '../app/env';
import { usePrefs } from '../app/prefs';

/** A soft two-note tone (Web Audio, no file, nothing leaves the machine); silent where audio is unavailable. */
export function playChime(): void {
  const Ctx = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!Ctx) return;
  try {
    const ctx = new Ctx();
    [660, 880].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const at = ctx.currentTime + i * 0.18;
      osc.type = 'sine';
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.08, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.65);
    });
    setTimeout(() => void ctx.close(), 1200);
  } catch {
    // Audio refused (autoplay policy): the amber warning still shows.
  }
}

/** Chimes once when a running timer crosses into wrap-up, only if the coach enabled the sound. */
export function useWrapUpChime(mode: TimerMode): void {
  const env = useEnv();
  const { settings } = usePrefs();
  const previous = useRef(mode);
  useEffect(() => {
    const was = previous.current;
    previous.current = mode;
    if (mode === 'wrap-up' && was === 'running' && settings.soundOnWrapUp) (env.chime ?? playChime)();
  }, [mode]);
}
