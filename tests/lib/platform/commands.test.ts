import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserCommandDeps, createCommandHandler } from '@/lib/platform/commands';

describe('keyboard command handler', () => {
  it('sends the command to the call tab, where the overlay handles it', async () => {
    const deps = { sendToTab: vi.fn(async () => undefined), openPanel: vi.fn(async () => {}) };
    const handle = createCommandHandler(deps);
    expect(await handle('toggle-overlay', { id: 7, windowId: 1 })).toBe('overlay');
    expect(deps.sendToTab).toHaveBeenCalledWith(7, { hs: 'toggle-overlay' });
    expect(deps.openPanel).not.toHaveBeenCalled();
  });

  it('opens the side panel for focus-capture when the tab has no overlay', async () => {
    const deps = {
      sendToTab: vi.fn(async () => Promise.reject(new Error('Receiving end does not exist'))),
      openPanel: vi.fn(async () => {}),
    };
    const handle = createCommandHandler(deps);
    expect(await handle('focus-capture', { id: 3, windowId: 9 })).toBe('panel');
    expect(deps.openPanel).toHaveBeenCalledWith({ id: 3, windowId: 9 });
    expect(await handle('toggle-overlay', { id: 3, windowId: 9 })).toBe('ignored');
    expect(await handle('something-else', { id: 3 })).toBe('ignored');
  });

  it('reaches the content script through tabs.sendMessage with the real (fake) browser', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const handle = createCommandHandler(browserCommandDeps(fakeBrowser));
    expect(await handle('focus-capture', { id: 12, windowId: 1 })).toBe('overlay');
    expect(sendMessage).toHaveBeenCalledWith(12, { hs: 'focus-capture' });
  });
});

describe('the lock command', () => {
  it('"lock-now" locks in the worker and opens nothing; other commands do not lock (control)', async () => {
    const lockNow = vi.fn(async () => undefined);
    const openPanel = vi.fn(async () => undefined);
    const handle = createCommandHandler({ sendToTab: vi.fn(async () => undefined), openPanel, lockNow });
    expect(await handle('lock-now', { id: 1, windowId: 1 })).toBe('locked');
    expect(lockNow).toHaveBeenCalledTimes(1);
    expect(openPanel).not.toHaveBeenCalled();
    await handle('focus-capture', { windowId: 1 });
    expect(lockNow).toHaveBeenCalledTimes(1);
  });
});
