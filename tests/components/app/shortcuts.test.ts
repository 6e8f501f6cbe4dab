import { describe, expect, it } from 'vitest';
import { isTabAction, matchShortcut, TAB_KEY } from '@/components/app/shortcuts';
import { ariaKeys } from '@/lib/keymap/keymap';
import type { KeyLike } from '@/lib/keymap/match';

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  target: null,
  ...over,
});

describe("the app's shortcuts", () => {
  it('opens each tab with its fixed key: Alt+1 contract (or client), Alt+2 deck … Alt+5 search', () => {
    expect(Object.fromEntries(Object.entries(TAB_KEY).map(([tab, id]) => [tab, ariaKeys(id)]))).toEqual({
      start: 'Alt+1',
      contract: 'Alt+1',
      deck: 'Alt+2',
      capture: 'Alt+3',
      prior: 'Alt+4',
      search: 'Alt+5',
    });
  });

  it('matches app-wide keys to the action the shell and workspace act on', () => {
    const action = matchShortcut(key({ altKey: true, code: 'Digit3', key: '3' }));
    expect(action).toBe('tab.capture');
    expect(isTabAction(action!)).toBe(true);
    expect(matchShortcut(key({ key: '/' }))).toBe('search.focus');
    expect(isTabAction('search.focus')).toBe(false);
    expect(matchShortcut(key({ key: 'n' }))).toBeNull();
  });
});
