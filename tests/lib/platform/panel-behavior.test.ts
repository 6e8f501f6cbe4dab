import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { wireToolbarButton } from '@/lib/platform/panel-behavior';

const g = globalThis as { chrome?: unknown };
afterEach(() => {
  delete g.chrome;
});

describe('toolbar button', () => {
  it('Chrome: asks the side panel to open on the toolbar button', () => {
    const setPanelBehavior = vi.fn(async () => {});
    g.chrome = { sidePanel: { setPanelBehavior } };
    wireToolbarButton(fakeBrowser);
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
  });

  it('Firefox: toggles the sidebar when the toolbar button is clicked', async () => {
    const toggle = vi.fn(async () => {});
    const firefox = Object.assign(Object.create(fakeBrowser), { sidebarAction: { toggle } });
    wireToolbarButton(firefox);
    expect(toggle).not.toHaveBeenCalled();
    await fakeBrowser.action.onClicked.trigger({ id: 1 } as never);
    expect(toggle).toHaveBeenCalledTimes(1);
  });
});
