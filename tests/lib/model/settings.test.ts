import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '@/lib/model/limits';
import { DEFAULT_SETTINGS, readSettings } from '@/lib/model/settings';

describe('readSettings', () => {
  it('the defaults are the record defaults, given by the schema itself', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      defaultLengthMinutes: DEFAULTS.sessionMinutes,
      warningMinutes: DEFAULTS.warningMinutes,
      phases: DEFAULTS.phases,
    });
    expect(readSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });
  it('refuses phases a session would refuse: each within 0–100 and adding up to 100', () => {
    expect(readSettings({ phases: { contracting: 1e308, exploring: 0, actions: 0, closing: 0 } }).phases).toEqual(DEFAULTS.phases);
    expect(readSettings({ phases: { contracting: 10, exploring: 10, actions: 10, closing: 10 } }).phases).toEqual(DEFAULTS.phases);
    expect(readSettings({ phases: { contracting: 25, exploring: 25, actions: 25, closing: 25 } }).phases).toEqual({
      contracting: 25,
      exploring: 25,
      actions: 25,
      closing: 25,
    });
  });
  it('brings numbers into range and drops damaged overlay places only', () => {
    expect(readSettings({ warningMinutes: 1e308 }).warningMinutes).toBe(60);
    expect(readSettings({ overlay: { a: { right: 1, top: 2 }, b: { right: Infinity, top: 0 } } }).overlay).toEqual({
      a: { right: 1, top: 2, collapsed: false },
    });
  });
  it('retention and the lock offer: off and unanswered by default, stored settings from before them load, damaged values fall back', () => {
    const older = readSettings({ theme: 'dark', lockAfterMinutes: 10 });
    expect(older).toMatchObject({ theme: 'dark', lockAfterMinutes: 10, retentionMonths: 0, lockOffered: false });
    expect(readSettings({ retentionMonths: 24, lockOffered: true })).toMatchObject({ retentionMonths: 24, lockOffered: true });
    expect(readSettings({ retentionMonths: 999 }).retentionMonths).toBe(240);
    expect(readSettings({ retentionMonths: -3 }).retentionMonths).toBe(0);
    expect(readSettings({ retentionMonths: 'forever', lockOffered: 'yes' })).toMatchObject({ retentionMonths: 0, lockOffered: false });
  });
});
