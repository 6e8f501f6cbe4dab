/**
 * Every key Holdspace answers to, written once. The matcher (./match.ts), the `?` help dialog, every
 * `aria-keyshortcuts` value and visible key hint, the manifest's browser commands and the README's keyboard
 * table are all derived from this list: change a key here and all of them follow.
 *
 * Keys are written in `aria-keyshortcuts` notation: modifiers `Alt`, `Control` (also Cmd on a Mac) and
 * `Shift`, then the key as `KeyboardEvent.key` names it ("T", "1", "/", "Escape", "ArrowDown").
 * An entry with several keys offers them as alternatives.
 */
import { ITEM_KIND_LABELS, ITEM_KINDS, type ItemKind } from '../model/types';

/**
 * Where a key works: `browser` anywhere in the browser (a manifest command), `app` anywhere in Holdspace,
 * the others inside that part of it.
 */
export type KeyScope = 'browser' | 'app' | 'deck' | 'capture' | 'review' | 'check-in' | 'search' | 'dialog';

/** Each scope in words: the help dialog's headings and the README's "where". */
export const SCOPE_NAMES: Record<KeyScope, string> = {
  browser: 'Anywhere in the browser',
  app: 'Anywhere in Holdspace',
  deck: 'Question deck',
  capture: 'Capture',
  review: 'Reviewing a prior commitment',
  'check-in': 'Contract check-in',
  search: 'Search',
  dialog: 'Dialogs',
};

export interface KeyEntry {
  id: string;
  keys: readonly string[];
  scope: KeyScope;
  /** What it does, in words: the help dialog, the README, and a browser command's manifest description. */
  what: string;
  /** Only in the overlay on a call (the side panel has no pill to hide to). */
  overlayOnly?: boolean;
  /** Where it works, when narrower than its scope says (the README's "where"). */
  where?: string;
  /** Text typed at the start of a field, not a key press: never matched as a key. */
  typed?: boolean;
  /** Works, but is not promised in the help or the README (the browser usually keeps these keys). */
  unlisted?: boolean;
  /** The keys are a run (Ctrl+1 … Ctrl+5, in order): shown as one, "Ctrl+1…5". */
  run?: boolean;
  /** A browser command's name in the manifest. */
  command?: string;
}

/** The letter that, typed with ": " at the start of the capture field, picks a kind. */
export const KIND_PREFIX: Record<ItemKind, string> = { commitment: 'c', note: 'n', insight: 'i', belief: 'b', inquiry: 'q' };

const kindWords = ITEM_KINDS.map((k, i) => (i === 0 ? ITEM_KIND_LABELS[k] : ITEM_KIND_LABELS[k].toLowerCase())).join(', ');

export const KEYMAP = [
  // Browser commands (the coach can change them at chrome://extensions/shortcuts).
  {
    id: 'browser.focusCapture',
    command: 'focus-capture',
    scope: 'browser',
    keys: ['Alt+Shift+O'],
    what: 'Open Holdspace and focus quick capture',
  },
  {
    id: 'browser.toggleOverlay',
    command: 'toggle-overlay',
    scope: 'browser',
    keys: ['Control+Shift+Y'],
    where: 'On a call',
    what: 'Hide or show the Holdspace panel on the call',
  },
  {
    id: 'browser.lockNow',
    command: 'lock-now',
    scope: 'browser',
    keys: ['Alt+Shift+L'],
    where: 'With the lock on',
    what: 'Lock Holdspace now (the passphrase unlocks it)',
  },

  // Anywhere in Holdspace. The tab keys stay fixed so they never move under the coach's hand.
  { id: 'tab.contract', scope: 'app', keys: ['Alt+1'], what: 'Contract (or choose the client)' },
  { id: 'tab.deck', scope: 'app', keys: ['Alt+2'], what: 'Question deck' },
  { id: 'tab.capture', scope: 'app', keys: ['Alt+3'], what: 'Capture' },
  { id: 'tab.prior', scope: 'app', keys: ['Alt+4'], what: 'Prior commitments' },
  { id: 'tab.search', scope: 'app', keys: ['Alt+5'], what: 'Search' },
  { id: 'capture.focus', scope: 'app', keys: ['Alt+C'], what: 'Focus capture' },
  { id: 'timer.toggle', scope: 'app', keys: ['Alt+T'], what: 'Start, pause or resume the timer' },
  { id: 'screen.blur', scope: 'app', keys: ['Alt+B'], what: 'Blur text for screen sharing (the timer stays readable)' },
  { id: 'panel.hide', scope: 'app', keys: ['Alt+H'], overlayOnly: true, what: 'Hide the panel to a pill, or show it again' },
  { id: 'search.focus', scope: 'app', keys: ['/', 'Control+K'], what: 'Search everything' },
  { id: 'help.open', scope: 'app', keys: ['?'], what: 'Show all keyboard shortcuts' },
  { id: 'view.back', scope: 'app', keys: ['Escape'], what: 'Step back out of settings, or out of the clients and their engagements' },

  // The question deck.
  { id: 'deck.next', scope: 'deck', keys: ['n'], what: 'Next question in the stage' },
  { id: 'deck.search', scope: 'deck', keys: ['s'], what: 'Search questions' },
  // In order: previous, next.
  { id: 'deck.move', scope: 'deck', keys: ['ArrowUp', 'ArrowDown'], what: 'Previous or next question' },
  // In order: first, last.
  { id: 'deck.jump', scope: 'deck', keys: ['Home', 'End'], what: 'First or last question' },
  { id: 'deck.asked', scope: 'deck', keys: ['a'], what: 'Mark the focused question asked (in a session)' },
  { id: 'deck.favourite', scope: 'deck', keys: ['f'], what: 'Make the focused question a favourite, or not' },
  { id: 'deck.toList', scope: 'deck', keys: ['ArrowDown', 'Enter'], what: 'From the search field to the questions' },
  { id: 'deck.clearSearch', scope: 'deck', keys: ['Escape'], what: 'Clear the search' },
  { id: 'deck.save', scope: 'deck', keys: ['Enter'], what: 'Save an edited question' },
  { id: 'deck.cancel', scope: 'deck', keys: ['Escape'], what: 'Put an edited question back' },

  // Quick capture.
  { id: 'capture.add', scope: 'capture', keys: ['Enter'], what: 'Add (the field keeps focus for the next one)' },
  { id: 'capture.newline', scope: 'capture', keys: ['Shift+Enter'], what: 'New line' },
  { id: 'capture.clear', scope: 'capture', keys: ['Escape'], what: 'Step back to the words, then clear the draft (with a way back)' },
  {
    id: 'capture.prefix',
    scope: 'capture',
    typed: true,
    keys: ITEM_KINDS.map((k) => `${KIND_PREFIX[k]}:`),
    where: 'Capture, at the start of the field',
    what: kindWords,
  },
  // In the order of ITEM_KINDS. Listed, with the caveat: Chrome and Firefox may keep Ctrl+digit for their tabs.
  {
    id: 'capture.kind',
    scope: 'capture',
    run: true,
    keys: ITEM_KINDS.map((_, i) => `Control+${i + 1}`),
    where: 'Capture, in the field (where the browser leaves Ctrl+digits to the page)',
    what: `Switch kind: ${kindWords.toLowerCase()}`,
  },
  { id: 'capture.done', scope: 'capture', keys: ['Enter', 'Escape'], what: 'Done editing a captured item' },

  // Reviewing a prior commitment: the status keys act on the focused card, never while typing in its note.
  { id: 'review.done', scope: 'review', keys: ['d'], what: 'Done' },
  { id: 'review.partly', scope: 'review', keys: ['p'], what: 'Partly done' },
  { id: 'review.not-done', scope: 'review', keys: ['n'], what: 'Not done' },
  { id: 'review.dropped', scope: 'review', keys: ['x'], what: 'Dropped' },
  { id: 'review.carried-forward', scope: 'review', keys: ['f'], what: 'Carried forward (then a new date)' },
  {
    id: 'review.next',
    scope: 'review',
    keys: ['Enter'],
    what: 'From the note (Tab too) on to the next commitment to review; from the new date to the note',
  },
  // In order: previous, next, previous, next.
  { id: 'review.move', scope: 'review', keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], what: 'Previous or next status button' },

  // The contract check-in's question.
  { id: 'checkIn.shift', scope: 'check-in', keys: ['Enter'], what: 'Record the shift typed in "Shifted to"' },
  { id: 'checkIn.cancel', scope: 'check-in', keys: ['Escape'], what: 'Close the question without recording' },

  // Search.
  { id: 'search.toResults', scope: 'search', keys: ['ArrowDown'], what: 'From the search field to the results' },
  { id: 'search.openFirst', scope: 'search', keys: ['Enter'], what: 'Open the first result' },
  { id: 'search.clear', scope: 'search', keys: ['Escape'], what: 'Clear the search' },
  // In order: previous (from the first result: back to the field), next.
  { id: 'search.move', scope: 'search', keys: ['ArrowUp', 'ArrowDown'], what: 'Previous or next result' },
  // In order: first, last.
  { id: 'search.jump', scope: 'search', keys: ['Home', 'End'], what: 'First or last result' },
  { id: 'search.toField', scope: 'search', keys: ['Escape'], what: 'From a result back to the search field' },
  { id: 'search.back', scope: 'search', keys: ['Escape'], what: 'Back from an opened result' },

  // Dialogs.
  { id: 'dialog.close', scope: 'dialog', keys: ['Escape'], what: 'Close the dialog' },
] as const satisfies readonly KeyEntry[];

export type KeyId = (typeof KEYMAP)[number]['id'];
/** The keys anywhere in Holdspace (what the app-wide matcher answers). */
export type AppKeyId = Extract<(typeof KEYMAP)[number], { scope: 'app' }>['id'];

/** The entry for `id` (from `map`, the keymap unless a test passes its own). */
export function keyEntry(id: KeyId, map: readonly KeyEntry[] = KEYMAP): KeyEntry {
  const entry = map.find((e) => e.id === id);
  if (!entry) throw new Error(`No key "${id}" in the keymap`);
  return entry;
}

/** The value for `aria-keyshortcuts`: the entry's keys, space-separated. */
export const ariaKeys = (id: KeyId, map?: readonly KeyEntry[]): string => keyEntry(id, map).keys.join(' ');

/** How a key is shown on screen ("Esc", "Ctrl", "↓"); other keys as they are named. */
const SHOWN: Record<string, string> = { Control: 'Ctrl', Escape: 'Esc', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** The parts of one key combination as shown: "Control+K" → ["Ctrl", "K"]. */
export const keyParts = (chord: string): string[] => chord.split('+').map((k) => SHOWN[k] ?? k);

/** One key combination as text: "Control+Shift+Y" → "Ctrl+Shift+Y". */
export const chordText = (chord: string): string => keyParts(chord).join('+');

/** A run of keys as text: "Control+1" … "Control+5" → "Ctrl+1…5". */
export const runText = (keys: readonly string[]): string => `${chordText(keys[0]!)}…${keyParts(keys[keys.length - 1]!).pop()}`;

/** An entry's keys as text, alternatives joined by `or` (" or " unless given): "Enter or Esc". */
export const keyText = (id: KeyId, or = ' or ', map?: readonly KeyEntry[]): string => keyEntry(id, map).keys.map(chordText).join(or);

/** A browser command's key as the manifest writes it ("Ctrl+Shift+Y"). */
export const manifestKey = (chord: string): string => chord.replace(/\bControl\b/g, 'Ctrl');

/** The manifest's `commands`, from the keymap's browser entries. */
export function manifestCommands(
  map: readonly KeyEntry[] = KEYMAP,
): Record<string, { suggested_key: { default: string }; description: string }> {
  const commands: Record<string, { suggested_key: { default: string }; description: string }> = {};
  for (const e of map) {
    if (e.scope === 'browser' && e.command)
      commands[e.command] = { suggested_key: { default: manifestKey(e.keys[0]!) }, description: e.what };
  }
  return commands;
}

/** The entries the help and the README list, in keymap order. */
export const listedKeys = (map: readonly KeyEntry[] = KEYMAP): KeyEntry[] => map.filter((e) => !e.unlisted);

/** Where an entry works, in words. */
export const whereText = (e: KeyEntry): string =>
  e.where ?? (e.overlayOnly ? 'In Holdspace on a call (the overlay)' : SCOPE_NAMES[e.scope]);

/** The listed entries grouped by scope, scopes in keymap order. */
export function keysByScope(map: readonly KeyEntry[] = KEYMAP): { scope: KeyScope; entries: KeyEntry[] }[] {
  const groups: { scope: KeyScope; entries: KeyEntry[] }[] = [];
  for (const e of listedKeys(map)) {
    const group = groups.find((g) => g.scope === e.scope);
    if (group) group.entries.push(e);
    else groups.push({ scope: e.scope, entries: [e] });
  }
  return groups;
}
