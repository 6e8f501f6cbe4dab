import { describe, expect, it } from 'vitest';
import { KEYMAP, type KeyEntry } from '@/lib/keymap/keymap';
import { isTypingTarget, keyIs, matchAppKey, matchKey, pressesButton, whichKey, type KeyLike } from '@/lib/keymap/match';

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
const input = (type = 'text') => ({ tagName: 'INPUT', type, isContentEditable: false }) as unknown as EventTarget;
const textarea = { tagName: 'TEXTAREA' } as unknown as EventTarget;
const button = { tagName: 'BUTTON' } as unknown as EventTarget;

/** The keymap with one entry's keys changed. */
const withKeys = (id: string, keys: string[]): KeyEntry[] => KEYMAP.map((e) => (e.id === id ? { ...e, keys } : e));

describe('matchAppKey (anywhere in Holdspace)', () => {
  it('maps Alt+1..5 to the tab keys by code, also when the Mac layout types a symbol', () => {
    expect(matchAppKey(key({ altKey: true, code: 'Digit1', key: '1' }))).toBe('tab.contract');
    expect(matchAppKey(key({ altKey: true, code: 'Digit2', key: '2' }))).toBe('tab.deck');
    expect(matchAppKey(key({ altKey: true, code: 'Digit5', key: '∞' }))).toBe('tab.search');
    expect(matchAppKey(key({ altKey: true, code: '', key: '4' }))).toBe('tab.prior');
    expect(matchAppKey(key({ altKey: true, code: 'Digit6', key: '6' }))).toBeNull();
    expect(matchAppKey(key({ altKey: true, ctrlKey: true, code: 'Digit1', key: '1' }))).toBeNull();
  });

  it('maps Alt+C, Alt+T, Alt+B, Alt+H even while typing in a field', () => {
    const target = input();
    expect(matchAppKey(key({ altKey: true, code: 'KeyC', key: 'ç', target }))).toBe('capture.focus');
    expect(matchAppKey(key({ altKey: true, code: 'KeyT', key: '†', target }))).toBe('timer.toggle');
    expect(matchAppKey(key({ altKey: true, code: 'KeyB', key: 'b' }))).toBe('screen.blur');
    expect(matchAppKey(key({ altKey: true, code: 'KeyH', key: 'h' }))).toBe('panel.hide');
    expect(matchAppKey(key({ altKey: true, key: 't' }))).toBe('timer.toggle');
    expect(matchAppKey(key({ altKey: true, code: 'KeyX', key: 'x' }))).toBeNull();
  });

  it('reads the physical key before the character for Alt (code KeyT typing "c" is still Alt+T)', () => {
    expect(matchAppKey(key({ altKey: true, code: 'KeyT', key: 'c' }))).toBe('timer.toggle');
  });

  it('takes "/" and "?" only when the coach is not typing', () => {
    expect(matchAppKey(key({ key: '/' }))).toBe('search.focus');
    expect(matchAppKey(key({ key: '?', shiftKey: true }))).toBe('help.open');
    expect(matchAppKey(key({ key: '/', target: input() }))).toBeNull();
    expect(matchAppKey(key({ key: '?', target: input('search') }))).toBeNull();
    expect(matchAppKey(key({ key: '/', target: input('checkbox') }))).toBe('search.focus');
    expect(matchAppKey(key({ key: 'a' }))).toBeNull();
  });

  it('maps Ctrl+K (and Cmd+K) to search, also inside a field', () => {
    expect(matchAppKey(key({ ctrlKey: true, key: 'k', target: input() }))).toBe('search.focus');
    expect(matchAppKey(key({ metaKey: true, key: 'K' }))).toBe('search.focus');
    expect(matchAppKey(key({ ctrlKey: true, key: 'c' }))).toBeNull();
    expect(matchAppKey(key({ ctrlKey: true, altKey: true, key: 'k' }))).toBeNull();
  });

  it('maps Escape (with any modifier) to stepping back', () => {
    expect(matchAppKey(key({ key: 'Escape', target: input() }))).toBe('view.back');
    expect(matchAppKey(key({ key: 'Escape', shiftKey: true }))).toBe('view.back');
  });

  it('follows the list: a changed entry changes what matches', () => {
    const moved = withKeys('timer.toggle', ['Alt+Y']);
    expect(matchAppKey(key({ altKey: true, code: 'KeyY', key: 'y' }), moved)).toBe('timer.toggle');
    expect(matchAppKey(key({ altKey: true, code: 'KeyT', key: 't' }), moved)).toBeNull();
    const slash = withKeys('help.open', ['h']);
    expect(matchAppKey(key({ key: 'h' }), slash)).toBe('help.open');
    expect(matchAppKey(key({ key: '?' }), slash)).toBeNull();
  });
});

describe('keyIs and whichKey (the deck, capture, search and dialog keys)', () => {
  it('takes the deck letters bare, in either case, and never while typing', () => {
    expect(keyIs('deck.next', key({ key: 'n' }))).toBe(true);
    expect(keyIs('deck.next', key({ key: 'N', shiftKey: true }))).toBe(true);
    expect(keyIs('deck.next', key({ key: 'n', ctrlKey: true }))).toBe(false);
    expect(keyIs('deck.next', key({ key: 'n', altKey: true }))).toBe(false);
    expect(keyIs('deck.next', key({ key: 'n', metaKey: true }))).toBe(false);
    expect(keyIs('deck.next', key({ key: 'n', target: input('search') }))).toBe(false);
    expect(keyIs('deck.asked', key({ key: 'a' }))).toBe(true);
    expect(keyIs('deck.favourite', key({ key: 'a' }))).toBe(false);
  });

  it("tells which of an ordered entry's keys it was", () => {
    expect(whichKey('deck.move', key({ key: 'ArrowUp' }))).toBe(0);
    expect(whichKey('deck.move', key({ key: 'ArrowDown', shiftKey: true }))).toBe(1);
    expect(whichKey('deck.jump', key({ key: 'End' }))).toBe(1);
    expect(whichKey('deck.move', key({ key: 'ArrowLeft' }))).toBe(-1);
  });

  it('takes named keys in fields and with modifiers it does not name', () => {
    expect(keyIs('capture.add', key({ key: 'Enter', target: textarea }))).toBe(true);
    expect(keyIs('capture.add', key({ key: 'Enter', ctrlKey: true, target: textarea }))).toBe(true);
    expect(keyIs('capture.clear', key({ key: 'Escape', target: textarea }))).toBe(true);
    expect(keyIs('dialog.close', key({ key: 'Escape' }))).toBe(true);
    expect(keyIs('dialog.close', key({ key: 'Enter' }))).toBe(false);
  });

  it('wants Shift where a key names it: Shift+Enter is a new line, plain Enter is not', () => {
    expect(keyIs('capture.newline', key({ key: 'Enter', shiftKey: true }))).toBe(true);
    expect(keyIs('capture.newline', key({ key: 'Enter' }))).toBe(false);
    expect(matchKey('capture', key({ key: 'Enter', shiftKey: true }))).toBe('capture.newline');
    expect(matchKey('capture', key({ key: 'Enter' }))).toBe('capture.add');
  });

  it('maps Ctrl+1..5 to the kinds in order, also in a field, but not with Alt', () => {
    expect(whichKey('capture.kind', key({ ctrlKey: true, key: '1', target: textarea }))).toBe(0);
    expect(whichKey('capture.kind', key({ ctrlKey: true, key: '5' }))).toBe(4);
    expect(whichKey('capture.kind', key({ ctrlKey: true, key: '6' }))).toBe(-1);
    expect(whichKey('capture.kind', key({ key: '1' }))).toBe(-1);
    expect(whichKey('capture.kind', key({ ctrlKey: true, altKey: true, key: '1' }))).toBe(-1);
  });

  it('never matches typed prefixes as keys', () => {
    expect(keyIs('capture.prefix', key({ key: 'c:' }))).toBe(false);
    expect(matchKey('capture', key({ key: 'c' }))).toBeNull();
  });

  it('follows the list: a changed entry changes what matches', () => {
    const moved = withKeys('deck.next', ['j']);
    expect(keyIs('deck.next', key({ key: 'j' }), moved)).toBe(true);
    expect(keyIs('deck.next', key({ key: 'n' }), moved)).toBe(false);
  });
});

describe('pressesButton', () => {
  it('is Enter on a button, nothing else', () => {
    expect(pressesButton(key({ key: 'Enter', target: button }))).toBe(true);
    expect(pressesButton(key({ key: 'Escape', target: button }))).toBe(false);
    expect(pressesButton(key({ key: 'Enter', target: textarea }))).toBe(false);
    expect(pressesButton(key({ key: 'Enter' }))).toBe(false);
  });
});

describe('isTypingTarget', () => {
  it('knows text fields from buttons and checkboxes', () => {
    expect(isTypingTarget(input('text'))).toBe(true);
    expect(isTypingTarget(input('number'))).toBe(true);
    expect(isTypingTarget(input('checkbox'))).toBe(false);
    expect(isTypingTarget(textarea)).toBe(true);
    expect(isTypingTarget(button)).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });
});
