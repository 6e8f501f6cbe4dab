/** The toolbar button opens the side panel (Chrome) or toggles the sidebar (Firefox). */
import type { browser } from 'wxt/browser';

type Browser = typeof browser;

export function wireToolbarButton(b: Browser): void {
  const chromeSidePanel = (
    globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } } }
  ).chrome?.sidePanel;
  if (chromeSidePanel) {
    void chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return;
  }
  const sidebar = (b as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  const action = b.action ?? (b as unknown as { browserAction?: Browser['action'] }).browserAction;
  if (sidebar && action) action.onClicked.addListener(() => void sidebar.toggle());
}
