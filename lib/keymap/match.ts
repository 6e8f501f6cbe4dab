/**
 * Whether a key press is one of the keymap's keys, as pure functions (a key event is only read, never
 * listened for, so this is testable without a DOM). The rules, the same for every entry:
 *
 * - `Shift` counts only where a key names it (so "?" is Shift+/ on most layouts, and "N" is "n").
 * - A character key ("n", "/", "T") wants exactly the Alt and Control named; without either, it only counts
 *   when the coach is not typing into a field, so it never steals a character.
 * - A named key ("Escape", "Enter", "ArrowDown") wants the modifiers named and ignores the others.
 * - With Alt, a letter or digit is read from `event.code` first: on a Mac, Alt+T types "†" but its code is
 *   still `KeyT`.
 * - `Control` also means Cmd on a Mac.
 */
import { KEYMAP, keyEntry, type AppKeyId, type KeyEntry, type KeyId, type KeyScope } from './keymap';

export interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  target?: EventTarget | null;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'time']);

/** True when a key typed now would go into a field (so plain-key shortcuts must stay out of the way). */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  return false;
}

/**
 * True when the browser's own Enter would press a focused button: shortcuts on Enter leave it alone, so
 * the button still does what it says.
 */
export function pressesButton(e: KeyLike): boolean {
  return e.key === 'Enter' && (e.target as Element | null | undefined)?.tagName === 'BUTTON';
}

interface Chord {
  alt: boolean;
  control: boolean;
  shift: boolean;
  key: string;
}

export function parseChord(chord: string): Chord {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  return { alt: parts.includes('Alt'), control: parts.includes('Control'), shift: parts.includes('Shift'), key };
}

const isCharacter = (c: Chord) => c.key.length === 1;

/** The physical key (`event.code`) of an Alt+letter or Alt+digit, or null. */
function codeOf(c: Chord): string | null {
  if (!c.alt || !isCharacter(c)) return null;
  if (/^[0-9]$/.test(c.key)) return `Digit${c.key}`;
  if (/^[a-z]$/i.test(c.key)) return `Key${c.key.toUpperCase()}`;
  return null;
}

function modifiersFit(c: Chord, e: KeyLike): boolean {
  const control = e.ctrlKey || e.metaKey;
  if (c.shift && !e.shiftKey) return false;
  if (!isCharacter(c)) return (!c.alt || e.altKey) && (!c.control || control);
  if (c.alt !== e.altKey || c.control !== control) return false;
  return c.alt || c.control || !isTypingTarget(e.target);
}

function chordFits(c: Chord, e: KeyLike, by: 'code' | 'key'): boolean {
  if (!modifiersFit(c, e)) return false;
  if (by === 'code') {
    const code = codeOf(c);
    return code !== null && e.code === code;
  }
  return isCharacter(c) ? e.key.toLowerCase() === c.key.toLowerCase() : e.key === c.key;
}

/** Which of an entry's keys the event is (its index, for entries whose keys have an order), or -1. */
export function whichKey(id: KeyId, e: KeyLike, map: readonly KeyEntry[] = KEYMAP): number {
  const entry = keyEntry(id, map);
  if (entry.typed) return -1;
  const chords = entry.keys.map(parseChord);
  const byCode = chords.findIndex((c) => chordFits(c, e, 'code'));
  return byCode >= 0 ? byCode : chords.findIndex((c) => chordFits(c, e, 'key'));
}

/** True when the event is one of the entry's keys. */
export const keyIs = (id: KeyId, e: KeyLike, map?: readonly KeyEntry[]): boolean => whichKey(id, e, map) >= 0;

const specificity = (c: Chord) => Number(c.alt) + Number(c.control) + Number(c.shift);

/**
 * The entry of `scope` the event is, or null. Physical keys (Alt+letter) are matched before typed
 * characters, and a key naming more modifiers wins over one naming fewer (Shift+Enter over Enter).
 */
export function matchKey(scope: KeyScope, e: KeyLike, map: readonly KeyEntry[] = KEYMAP): KeyId | null {
  const entries = map.filter((entry) => entry.scope === scope && !entry.typed);
  for (const by of ['code', 'key'] as const) {
    let best: { id: string; rank: number } | null = null;
    for (const entry of entries) {
      for (const c of entry.keys.map(parseChord)) {
        if (chordFits(c, e, by) && (!best || specificity(c) > best.rank)) best = { id: entry.id, rank: specificity(c) };
      }
    }
    if (best) return best.id as KeyId;
  }
  return null;
}

/** The app-wide key the event is (Alt+1…5, Alt+C/T/B/H, / or Ctrl+K, ?, Escape), or null. */
export const matchAppKey = (e: KeyLike, map?: readonly KeyEntry[]): AppKeyId | null => matchKey('app', e, map) as AppKeyId | null;
