/**
 * The overlay page's side of the frame channel: geometry and visibility only, posted to the call page's
 * content script (the parent window), whose origin is checked on every message received.
 */
import { FRAME_SIZE, isHostToFrame, type FrameToHost } from '../frame/protocol';
import { DEFAULT_PLACEMENT, placementPatch } from '../settings/settings';
import type { OverlayFrame, SettingsPort } from '../view/ports';

export function createOverlayFrame(host: string, settings: SettingsPort, signal: AbortSignal): OverlayFrame {
  const parentOrigin = `https://${host}`;
  const post = (message: FrameToHost) => window.parent.postMessage(message, parentOrigin);
  const focusListeners = new Set<() => void>();

  window.addEventListener(
    'message',
    (event) => {
      if (event.source !== window.parent || event.origin !== parentOrigin || !isHostToFrame(event.data)) return;
      const m = event.data;
      if (m.type === 'focus-capture') focusListeners.forEach((cb) => cb());
      if (m.type === 'placed') void rememberPlacement(m.right, m.top);
    },
    { signal },
  );

  // Merged into the place as stored when written, so a collapse saved a moment ago is kept.
  const rememberPlacement = (right: number, top: number) => settings.update(placementPatch(host, { right, top }));

  void settings.get().then((s) => {
    const p = s.overlay[host] ?? DEFAULT_PLACEMENT;
    const size = p.collapsed ? FRAME_SIZE.collapsed : FRAME_SIZE.expanded;
    post({ hs: 'frame', type: 'size', ...size });
    post({ hs: 'frame', type: 'place', right: p.right, top: p.top });
  });

  return {
    setCollapsed(collapsed) {
      const size = collapsed ? FRAME_SIZE.collapsed : FRAME_SIZE.expanded;
      post({ hs: 'frame', type: 'size', ...size });
    },
    moveBy: (dx, dy) => post({ hs: 'frame', type: 'move-by', dx, dy }),
    hide: () => post({ hs: 'frame', type: 'hide' }),
    onFocusCapture(cb) {
      focusListeners.add(cb);
      return () => focusListeners.delete(cb);
    },
  };
}
