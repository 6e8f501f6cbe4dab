/**
 * The in-app keyboard map, as pure functions so it is testable without a DOM. Keys are read from
 * `event.code` for Alt combinations (on a Mac, Alt+T types "†" but its code is still `KeyT`). Plain keys
 * ("/", "?") only count when the coach is not typing, so they never steal a character from a field.
 */

export type TabKey = 'start' | 'contract' | 'deck' | 'capture' | 'prior' | 'search';

export type ShortcutAction =
  | { type: 'tab'; slot: number }
  | { type: 'search' }
  | { type: 'capture' }
  | { type: 'timer' }
  | { type: 'blur' }
  | { type: 'hide' }
  | { type: 'help' };

/** Which Alt+digit opens which tab. The slots stay fixed so the keys never move under the coach's hand. */
export const TAB_SLOT: Record<TabKey, number> = { start: 1, contract: 1, deck: 2, capture: 3, prior: 4, search: 5 };

export const tabShortcut = (tab: TabKey) => `Alt+${TAB_SLOT[tab]}`;

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

const ALT_KEYS: Record<string, ShortcutAction> = {
  KeyC: { type: 'capture' },
  KeyT: { type: 'timer' },
  KeyB: { type: 'blur' },
  KeyH: { type: 'hide' },
};

export function matchShortcut(e: KeyLike): ShortcutAction | null {
  const code = e.code ?? '';
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    const digit = /^Digit([1-5])$/.exec(code) ?? /^([1-5])$/.exec(e.key);
    if (digit) return { type: 'tab', slot: Number(digit[1]) };
    const byCode = ALT_KEYS[code] ?? ALT_KEYS[`Key${e.key.toUpperCase()}`];
    return byCode ?? null;
  }
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return { type: 'search' };
  if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return null;
  if (e.key === '/') return { type: 'search' };
  if (e.key === '?') return { type: 'help' };
  return null;
}

/** What the shortcut help lists (the deck and capture add their own hints where they apply). */
export const SHORTCUT_HELP: { keys: string; what: string; overlayOnly?: boolean }[] = [
  { keys: 'Alt+1', what: 'Contract (or choose the client)' },
  { keys: 'Alt+2', what: 'Question deck' },
  { keys: 'Alt+3', what: 'Capture' },
  { keys: 'Alt+4', what: 'Prior commitments' },
  { keys: 'Alt+5', what: 'Search' },
  { keys: 'Alt+C', what: 'Focus capture' },
  { keys: 'Alt+T', what: 'Start, pause or resume the timer' },
  { keys: 'Alt+B', what: 'Blur text for screen sharing (the timer stays readable)' },
  { keys: 'Alt+H', what: 'Hide the panel to a pill, or show it again', overlayOnly: true },
  { keys: '/', what: 'Search everything (Ctrl+K while typing)' },
  { keys: 'Enter', what: 'Add, choose, open' },
  { keys: 'Escape', what: 'Step back, close a dialog' },
  { keys: '?', what: 'This list' },
];
