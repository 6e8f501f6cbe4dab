/**
 * The browser-level keyboard commands. The handler is built from the APIs it needs, so it can be tested
 * with WXT's fake browser: with a call tab, the content script shows/hides or focuses the overlay;
 * elsewhere the side panel opens.
 */
import type { browser } from 'wxt/browser';

type Browser = typeof browser;

export type CommandName = 'focus-capture' | 'toggle-overlay';

/** Handled in the worker itself: drops the lock's key (issue 12). */
export const LOCK_COMMAND = 'lock-now';

export interface CommandDeps {
  sendToTab(tabId: number, message: { hs: CommandName }): Promise<unknown>;
  /** Opens the side panel (Chrome) or sidebar (Firefox); must run within the command's user gesture. */
  openPanel(tab: { id?: number; windowId?: number } | undefined): Promise<void>;
  /** Locks Holdspace now (the lock's key is dropped). */
  lockNow?(): Promise<unknown>;
}

export function createCommandHandler(deps: CommandDeps) {
  return async (command: string, tab?: { id?: number; windowId?: number }): Promise<'overlay' | 'panel' | 'locked' | 'ignored'> => {
    if (command === LOCK_COMMAND && deps.lockNow) {
      await deps.lockNow();
      return 'locked';
    }
    if (command !== 'focus-capture' && command !== 'toggle-overlay') return 'ignored';
    if (tab?.id !== undefined) {
      try {
        await deps.sendToTab(tab.id, { hs: command });
        return 'overlay';
      } catch {
        // No overlay in this tab (not a call page, or the page changed): fall through to the panel.
      }
    }
    if (command === 'toggle-overlay') return 'ignored';
    await deps.openPanel(tab);
    return 'panel';
  };
}

/** Real dependencies for Chrome (side panel) and Firefox (sidebar). */
export function browserCommandDeps(b: Browser): CommandDeps {
  return {
    sendToTab: (tabId, message) => b.tabs.sendMessage(tabId, message),
    async openPanel(tab) {
      const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId?: number; tabId?: number }): Promise<void> } } })
        .chrome?.sidePanel;
      if (chromeSidePanel && tab?.windowId !== undefined) return chromeSidePanel.open({ windowId: tab.windowId });
      const sidebar = (b as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
      if (sidebar) return sidebar.open();
    },
  };
}
