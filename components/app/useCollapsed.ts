import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_PLACEMENT } from '@/lib/settings/settings';
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
      if (env.host) {
        const place = settings.overlay[env.host] ?? DEFAULT_PLACEMENT;
        void update({ overlay: { ...settings.overlay, [env.host]: { ...place, collapsed: next } } });
      }
    },
    [overlay, env, settings, update],
  );

  return [overlay && collapsed, set];
}
