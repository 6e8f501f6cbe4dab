import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS } from '@/lib/model/types';
import {
  ariaKeys,
  chordText,
  KEYMAP,
  KIND_PREFIX,
  keyEntry,
  keyParts,
  keysByScope,
  keyText,
  listedKeys,
  manifestCommands,
  whereText,
  type KeyEntry,
} from '@/lib/keymap/keymap';
import { parseChord } from '@/lib/keymap/match';

const withKeys = (id: string, keys: string[]): KeyEntry[] => KEYMAP.map((e) => (e.id === id ? { ...e, keys } : e));

describe('the keymap', () => {
  it('has one entry per id, each with keys and words', () => {
    const ids = KEYMAP.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of KEYMAP) {
      expect(e.keys.length, e.id).toBeGreaterThan(0);
      expect(e.what.trim(), e.id).not.toBe('');
    }
  });

  it('writes every key in aria-keyshortcuts notation: Alt, Control, Shift, then one key', () => {
    for (const e of KEYMAP.filter((x: KeyEntry) => !x.typed)) {
      for (const chord of e.keys) {
        const parts = chord.split('+');
        expect(
          parts.slice(0, -1).every((m) => ['Alt', 'Control', 'Shift'].includes(m)),
          chord,
        ).toBe(true);
        expect(parseChord(chord).key, chord).toMatch(/^(.|[A-Z][A-Za-z]+)$/);
      }
    }
  });

  it('gives no two app-wide entries (nor two browser commands) the same key', () => {
    for (const scope of ['app', 'browser'] as const) {
      const keys = KEYMAP.filter((e: KeyEntry) => e.scope === scope).flatMap((e) => e.keys.map((k) => k.toLowerCase()));
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
  });

  it('gives each kind its own prefix letter, listed in the order of the kinds', () => {
    const letters = ITEM_KINDS.map((k) => KIND_PREFIX[k]);
    expect(new Set(letters).size).toBe(ITEM_KINDS.length);
    expect(keyEntry('capture.prefix').keys).toEqual(letters.map((l) => `${l}:`));
    expect(keyEntry('capture.kind').keys).toHaveLength(ITEM_KINDS.length);
  });
});

describe('what the keymap renders', () => {
  it('aria-keyshortcuts values: the keys, space-separated', () => {
    expect(ariaKeys('timer.toggle')).toBe('Alt+T');
    expect(ariaKeys('search.focus')).toBe('/ Control+K');
    expect(ariaKeys('search.back')).toBe('Escape');
    expect(ariaKeys('timer.toggle', withKeys('timer.toggle', ['Alt+Y']))).toBe('Alt+Y');
  });

  it('keys as shown: Ctrl, Esc and arrows, alternatives joined', () => {
    expect(keyParts('Control+Shift+Y')).toEqual(['Ctrl', 'Shift', 'Y']);
    expect(chordText('Escape')).toBe('Esc');
    expect(keyText('capture.done')).toBe('Enter or Esc');
    expect(keyText('deck.move', '')).toBe('↑↓');
    expect(keyText('capture.prefix', ' ')).toBe('c: n: i: b: q:');
    expect(keyText('capture.newline')).toBe('Shift+Enter');
  });

  it('the manifest commands, from the browser entries', () => {
    expect(manifestCommands()).toEqual({
      'focus-capture': { suggested_key: { default: 'Alt+Shift+O' }, description: 'Open Holdspace and focus quick capture' },
      'toggle-overlay': { suggested_key: { default: 'Ctrl+Shift+Y' }, description: 'Hide or show the Holdspace panel on the call' },
      'lock-now': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Lock Holdspace now (the passphrase unlocks it)' },
    });
    expect(manifestCommands(withKeys('browser.toggleOverlay', ['Alt+Shift+Y']))['toggle-overlay']?.suggested_key.default).toBe(
      'Alt+Shift+Y',
    );
  });

  it('the listed entries grouped by scope, unlisted ones left out', () => {
    const groups = keysByScope();
    expect(groups.map((g) => g.scope)).toEqual(['browser', 'app', 'deck', 'capture', 'review', 'check-in', 'search', 'dialog']);
    expect(groups.flatMap((g) => g.entries)).toEqual(listedKeys());
    expect(listedKeys().some((e) => e.id === 'capture.kind')).toBe(true); // Ctrl+1…5, scoped to capture
    const hidden: KeyEntry[] = KEYMAP.map((e) => (e.id === 'deck.next' ? { ...e, unlisted: true } : e));
    expect(listedKeys(hidden).some((e) => e.id === 'deck.next')).toBe(false);
    expect(listedKeys()).toHaveLength(KEYMAP.length - KEYMAP.filter((e: KeyEntry) => e.unlisted).length);
  });

  it('where each key works, in words', () => {
    expect(whereText(keyEntry('timer.toggle'))).toBe('Anywhere in Holdspace');
    expect(whereText(keyEntry('panel.hide'))).toBe('In Holdspace on a call (the overlay)');
    expect(whereText(keyEntry('browser.toggleOverlay'))).toBe('On a call');
    expect(whereText(keyEntry('deck.next'))).toBe('Question deck');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The keymap is the only place a key is spelled: components look keys up by id.

const ROOT = join(__dirname, '..', '..', '..');
function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(ROOT, rel)).isDirectory() ? files(rel) : /\.tsx?$/.test(name) ? [rel] : [];
  });
}
const code = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** WAI-ARIA widgets whose arrow/Home/End/Enter/Escape keys are fixed by their pattern (tabs, combobox). */
const ARIA_WIDGETS = ['components/ui/Tabs.tsx', 'components/deck/StageTabs.tsx', 'components/clients/ClientCombobox.tsx'];

describe('components spell no key of their own', () => {
  const components = files('components');
  const keymapKeys = new Set(KEYMAP.filter((e: KeyEntry) => !e.typed).flatMap((e) => e.keys.map((k) => parseChord(k).key)));

  it('take aria-keyshortcuts and key hints from the keymap', () => {
    const literal = /aria-keyshortcuts="|<Kbd\s+keys=|['"`](Alt|Ctrl|Control|Shift)\+/;
    expect(components.filter((f) => literal.test(code(f)))).toEqual([]);
  });

  it('compare a pressed key with a keymap key only through the matcher', () => {
    const compared = /\.key\s*[!=]==?\s*['"]([^'"]+)['"]/g;
    const offenders = components
      .filter((f) => !ARIA_WIDGETS.includes(f))
      .flatMap((f) => [...code(f).matchAll(compared)].filter((m) => keymapKeys.has(m[1]!)).map((m) => `${f}: ${m[0]}`));
    expect(offenders).toEqual([]);
  });

  it('these checks can fail: they catch planted spellings', () => {
    expect(/aria-keyshortcuts="|<Kbd\s+keys=|['"`](Alt|Ctrl|Control|Shift)\+/.test('<b aria-keyshortcuts="Alt+T">')).toBe(true);
    expect(keymapKeys.has('Escape') && keymapKeys.has('n')).toBe(true);
    expect([..."if (e.key === 'Escape')".matchAll(/\.key\s*[!=]==?\s*['"]([^'"]+)['"]/g)][0]?.[1]).toBe('Escape');
  });
});
