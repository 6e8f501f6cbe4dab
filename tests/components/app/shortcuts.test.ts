import { describe, expect, it } from 'vitest';
import { isTypingTarget, matchShortcut, type KeyLike } from '@/components/app/shortcuts';

const key = (over: Partial<KeyLike>): KeyLike => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, target: null, ...over });
const input = (type = 'text') => ({ tagName: 'INPUT', type, isContentEditable: false }) as unknown as EventTarget;

describe('matchShortcut', () => {
  it('maps Alt+1..5 to tab slots by code, also when the Mac layout types a symbol', () => {
    expect(matchShortcut(key({ altKey: true, code: 'Digit1', key: '1' }))).toEqual({ type: 'tab', slot: 1 });
    expect(matchShortcut(key({ altKey: true, code: 'Digit5', key: '∞' }))).toEqual({ type: 'tab', slot: 5 });
    expect(matchShortcut(key({ altKey: true, code: 'Digit6', key: '6' }))).toBeNull();
  });

  it('maps Alt+C, Alt+T, Alt+B, Alt+H even while typing in a field', () => {
    const target = input();
    expect(matchShortcut(key({ altKey: true, code: 'KeyC', key: 'ç', target }))).toEqual({ type: 'capture' });
    expect(matchShortcut(key({ altKey: true, code: 'KeyT', key: '†', target }))).toEqual({ type: 'timer' });
    expect(matchShortcut(key({ altKey: true, code: 'KeyB', key: 'b' }))).toEqual({ type: 'blur' });
    expect(matchShortcut(key({ altKey: true, code: 'KeyH', key: 'h' }))).toEqual({ type: 'hide' });
  });

  it('takes "/" and "?" only when the coach is not typing', () => {
    expect(matchShortcut(key({ key: '/' }))).toEqual({ type: 'search' });
    expect(matchShortcut(key({ key: '?', shiftKey: true }))).toEqual({ type: 'help' });
    expect(matchShortcut(key({ key: '/', target: input() }))).toBeNull();
    expect(matchShortcut(key({ key: '?', target: input('search') }))).toBeNull();
    expect(matchShortcut(key({ key: 'a' }))).toBeNull();
  });

  it('maps Ctrl+K (and Cmd+K) to search, also inside a field', () => {
    expect(matchShortcut(key({ ctrlKey: true, key: 'k', target: input() }))).toEqual({ type: 'search' });
    expect(matchShortcut(key({ metaKey: true, key: 'K' }))).toEqual({ type: 'search' });
    expect(matchShortcut(key({ ctrlKey: true, key: 'c' }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('knows text fields from buttons and checkboxes', () => {
    expect(isTypingTarget(input('text'))).toBe(true);
    expect(isTypingTarget(input('number'))).toBe(true);
    expect(isTypingTarget(input('checkbox'))).toBe(false);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });
});
