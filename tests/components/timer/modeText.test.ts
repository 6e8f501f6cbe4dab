import { describe, expect, it } from 'vitest';
import { timerView } from '@/lib/timer/timer';
import { modeText } from '@/components/timer/modeText';
import { aTimer, MIN, NOW } from '../app/fixtures';

const at = (elapsedMin: number, over = {}) => modeText(timerView(aTimer({ startedAt: NOW - elapsedMin * MIN, ...over }), NOW));

/** What fits beside the digits at 360 px without an ellipsis (measured in Chromium at 12 px). */
const COMPACT_MAX = 16;

describe('modeText', () => {
  it('names the phase and the minutes left in it; the wide words add what comes next', () => {
    expect(at(2)).toMatchObject({ phase: 'Contracting', short: '4 min left', long: '4 min left · Exploring next' });
    expect(at(40)).toMatchObject({ phase: 'Exploring', short: '2 min left', long: '2 min left · Actions next' });
  });
  it('says the whole of it in one sentence, for screen readers and the tooltip', () => {
    expect(at(2).full).toBe('Contracting: 4 min left in this phase, then Exploring.');
    expect(at(55, { warningMinutes: 2 }).full).toBe('Closing: 5 min left in the session.');
    expect(at(59.5).full).toBe('Wrap-up: under a minute left in the session.');
  });
  it('in the last phase before wrap-up, counts down to the end of the session', () => {
    expect(at(55, { warningMinutes: 2 })).toMatchObject({ phase: 'Closing', short: '5 min left', long: '5 min left in the session' });
  });
  it('says not started, paused, wrap-up and overtime in words', () => {
    expect(modeText(timerView(aTimer(), NOW))).toMatchObject({ phase: 'Not started', short: '60 min', long: '60 min planned' });
    expect(at(10, { pausedAt: NOW - MIN }).short).toBe('Paused');
    expect(at(57)).toMatchObject({ short: 'Wrap-up · 3 min', long: 'Wrap-up · 3 min left' });
    expect(at(59.5)).toMatchObject({ short: 'Wrap-up · <1 min', long: 'Wrap-up · under a minute left' });
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
