/**
 * The app's side of the keymap (lib/keymap): which key opens which tab, and the app-wide matcher the
 * shell listens with. The keys themselves are written only in the keymap.
 */
import type { AppKeyId } from '@/lib/keymap/keymap';
import { matchAppKey, type KeyLike } from '@/lib/keymap/match';

export type TabKey = 'start' | 'contract' | 'deck' | 'capture' | 'prior' | 'search';

/** What an app-wide key asks for: the keymap id of the key pressed (or of the browser command that stands for it). */
export type ShortcutAction = AppKeyId;

/** The key that opens each tab; "start" (no session yet) and "contract" share one, whichever is shown. */
export const TAB_KEY: Record<TabKey, AppKeyId> = {
  start: 'tab.contract',
  contract: 'tab.contract',
  deck: 'tab.deck',
  capture: 'tab.capture',
  prior: 'tab.prior',
  search: 'tab.search',
};

/** True for the keys that open a tab. */
export const isTabAction = (action: ShortcutAction): boolean => Object.values(TAB_KEY).includes(action);

export const matchShortcut = (e: KeyLike): ShortcutAction | null => matchAppKey(e);
