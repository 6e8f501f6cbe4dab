// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '@/lib/platform/content-script-context';

afterEach(() => {
  delete (globalThis as { navigation?: unknown }).navigation;
});

describe('content script context', () => {
  it('is invalidated when a newer copy of the script starts, and drops its listeners', () => {
    fakeBrowser.runtime.id = 'ext-id';
    const old = new ContentScriptContext('call-overlay');
    const seen = vi.fn();
    const invalidated = vi.fn();
    old.addEventListener(window, 'resize', seen);
    old.onInvalidated(invalidated);
    window.dispatchEvent(new Event('resize'));
    expect(seen).toHaveBeenCalledTimes(1);

    const fresh = new ContentScriptContext('call-overlay');
    expect(old.isValid).toBe(false);
    expect(invalidated).toHaveBeenCalledTimes(1);
    expect(fresh.isValid).toBe(true);
    window.dispatchEvent(new Event('resize'));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('cannot be ended by an event the page fires: no DOM event, not the one WXT used', () => {
    fakeBrowser.runtime.id = 'ext-id';
    const ctx = new ContentScriptContext('call-overlay');
    document.dispatchEvent(new CustomEvent('ext-id:call-overlay:started'));
    window.dispatchEvent(new CustomEvent('ext-id:call-overlay:started'));
    expect(ctx.isValid).toBe(true);
    // The control: the extension going away does end it.
    fakeBrowser.runtime.id = undefined as unknown as string;
    expect(ctx.isValid).toBe(false);
    fakeBrowser.runtime.id = 'ext-id';
  });

  it('reports URL changes of a single-page app from the Navigation API, without polling', () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const ctx = new ContentScriptContext('call-overlay');
    const changes: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', ((e: { newUrl: URL }) => changes.push(e.newUrl.href)) as never);
    const navigate = (url: string) => navigation.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    navigate('https://meet.google.com/');
    navigate('https://meet.google.com/');
    navigate('https://meet.google.com/abc-defg-hij');
    expect(changes).toEqual(['https://meet.google.com/', 'https://meet.google.com/abc-defg-hij']);
    expect(setInterval).not.toHaveBeenCalled();
  });
});
