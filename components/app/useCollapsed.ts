import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { placementPatch } from '@/lib/settings/settings';
import { useEnv } from './env';
import { usePrefs } from './prefs';

/**
 * The overlay's collapsed-to-a-pill state, remembered per call host in settings.overlay[host] and told
 * to the frame so the iframe shrinks with it. Always false in the side panel.
 */
export function useCollapsed(): [boolean, (collapsed: boolean) => void] {
  const env = useEnv();
  const { settings, loaded, update } = usePrefs();
  const [collapsed, setLocal] = useState(false);
  const restored = useRef(false);
  const overlay = env.layout === 'overlay' && env.frame !== null;

  useEffect(() => {
    if (!overlay || !loaded || restored.current) return;
    restored.current = true;
    const stored = env.host ? settings.overlay[env.host]?.collapsed === true : false;
    if (stored) {
      setLocal(true);
      env.frame?.setCollapsed(true);
    }
  }, [loaded]);

  const set = useCallback(
    (next: boolean) => {
      if (!overlay) return;
      setLocal(next);
      env.frame?.setCollapsed(next);
      // Merged into the place as stored when written, so a move saved a moment ago is kept.
      if (env.host) void update(placementPatch(env.host, { collapsed: next }));
    },
    [overlay, env, update],
  );

  return [overlay && collapsed, set];
}
