import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { useEnv } from '../app/env';

/** The coach's settings through env.settings, kept live while the view is open. */
export function useSettings() {
  const { settings: port } = useEnv();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    port.get().then(
      (s) => {
        if (!live) return;
        setSettings(s);
        setLoaded(true);
      },
      () => live && setLoaded(true),
    );
    const stop = port.watch((s) => setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, [port]);
  return { settings, loaded, update: (patch: Partial<Settings>) => port.update(patch) };
}
