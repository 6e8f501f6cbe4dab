import { describe, expect, it } from 'vitest';
import { timerView } from '@/lib/timer/timer';
import { modeText } from '@/components/timer/modeText';
import { aTimer, MIN, NOW } from '../app/fixtures';

const at = (elapsedMin: number, over = {}) => modeText(timerView(aTimer({ startedAt: NOW - elapsedMin * MIN, ...over }), NOW));

describe('modeText', () => {
  it('names the phase and when the next one starts', () => {
    expect(at(2)).toEqual({ phase: 'Contracting', status: 'Exploring in 4 min' });
    expect(at(40)).toEqual({ phase: 'Exploring', status: 'Actions in 2 min' });
  });
  it('in the last phase before wrap-up, says when the session ends', () => {
    expect(at(55, { warningMinutes: 2 })).toEqual({ phase: 'Closing', status: 'Ends in 5 min' });
  });
  it('says not started, paused, wrap-up and overtime in words', () => {
    expect(modeText(timerView(aTimer(), NOW))).toEqual({ phase: 'Not started', status: '60 min' });
    expect(at(10, { pausedAt: NOW - MIN }).status).toBe('Paused');
    expect(at(59.5).status).toBe('Wrap-up · under a minute left');
    expect(at(61)).toEqual({ phase: 'Overtime', status: 'Past planned end' });
  });
});
