import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '@/lib/settings/settings';

describe('normalizeSettings', () => {
  it('gives defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps good fields and replaces only the damaged ones', () => {
    const s = normalizeSettings({
      defaultLengthMinutes: 45,
      warningMinutes: 'five',
      theme: 'neon',
      phases: { contracting: 5, exploring: 70, actions: 20, closing: 5 },
      overlay: { 'meet.google.com': { right: 20, top: 100, collapsed: true }, 'app.zoom.us': { right: 'x' } },
    });
    expect(s.defaultLengthMinutes).toBe(45);
    expect(s.warningMinutes).toBe(DEFAULT_SETTINGS.warningMinutes);
    expect(s.theme).toBe('system');
    expect(s.phases.exploring).toBe(70);
    expect(s.overlay).toEqual({ 'meet.google.com': { right: 20, top: 100, collapsed: true } });
  });

  it('clamps the session length and rejects a phase split that adds up to nothing', () => {
    expect(normalizeSettings({ defaultLengthMinutes: 1 }).defaultLengthMinutes).toBe(5);
    expect(normalizeSettings({ defaultLengthMinutes: 10_000 }).defaultLengthMinutes).toBe(240);
    expect(normalizeSettings({ phases: { contracting: 0, exploring: 0, actions: 0, closing: 0 } }).phases).toEqual(DEFAULT_SETTINGS.phases);
  });
});
