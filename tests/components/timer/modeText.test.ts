import { describe, expect, it } from 'vitest';
import { timerView } from '@/lib/timer/timer';
import { modeText } from '@/components/timer/modeText';
import { aTimer, MIN, NOW } from '../app/fixtures';

const at = (elapsedMin: number, over = {}) => modeText(timerView(aTimer({ startedAt: NOW - elapsedMin * MIN, ...over }), NOW));

/** What fits beside the digits at 360 px without an ellipsis (measured in Chromium at 12 px). */
const COMPACT_MAX = 16;

describe('modeText', () => {
  it('names the phase and the next one; only the wide words say when the next one starts', () => {
    expect(at(2)).toMatchObject({ phase: 'Contracting', short: 'Exploring next', long: 'Exploring in 4 min' });
    expect(at(40)).toMatchObject({ phase: 'Exploring', short: 'Actions next', long: 'Actions in 2 min' });
  });
  it('never shows a second "left" figure beside the clock: the clock is the one countdown', () => {
    for (const m of [2, 20, 40, 55, 57, 59.5]) {
      const words = at(m, m === 55 ? { warningMinutes: 2 } : {});
      expect(`${words.phase} ${words.short}`, `at ${m} min`).not.toMatch(/left|\d+ min/);
      expect(words.long, `at ${m} min`).not.toMatch(/left/);
    }
  });
  it("says the whole of it in one sentence, the session time in the clock's own digits", () => {
    expect(at(2).full).toBe('Contracting: 58:00 left in the session; Exploring in 4 min.');
    expect(at(55, { warningMinutes: 2 }).full).toBe('Closing, the last phase: 05:00 left in the session.');
    expect(at(56 + 34 / 60).full).toBe('Wrap-up: 03:26 left in the session.');
  });
  it('in the last phase before wrap-up, says so and leaves the counting to the clock', () => {
    expect(at(55, { warningMinutes: 2 })).toMatchObject({ phase: 'Closing', short: 'Last phase', long: 'Last phase, to the end' });
  });
  it('says not started, paused, wrap-up and overtime in words', () => {
    expect(modeText(timerView(aTimer(), NOW))).toMatchObject({ phase: 'Not started', short: '60 min', long: '60 min planned' });
    expect(at(10, { pausedAt: NOW - MIN }).short).toBe('Paused');
    expect(at(57)).toMatchObject({ short: 'Wrap-up', long: 'Wrap-up: time to close' });
    expect(at(61)).toMatchObject({ phase: 'Overtime', short: 'Past end', long: 'Past planned end' });
  });
  it('keeps the compact words short enough for the overlay in every state', () => {
    const states = [
      modeText(timerView(aTimer({ plannedMinutes: 240 }), NOW)),
      at(2, { plannedMinutes: 240 }),
      at(100, { plannedMinutes: 240 }),
      at(10, { pausedAt: NOW - MIN }),
      at(57),
      at(59.5),
      at(61),
    ];
    for (const words of states) expect(words.short.length, words.short).toBeLessThanOrEqual(COMPACT_MAX);
  });
});
