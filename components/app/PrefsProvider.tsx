/** Loads the coach's settings once through env.settings and keeps them live for every component (see prefs.ts). */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { useEnv } from './env';
import { PrefsContext, type Prefs } from './prefs';

export function PrefsProvider(props: { children: ComponentChildren }) {
  const env = useEnv();
  const [state, setState] = useState<{ settings: Settings; loaded: boolean }>({ settings: DEFAULT_SETTINGS, loaded: false });

  useEffect(() => {
    let live = true;
    env.settings.get().then(
      (settings) => live && setState({ settings, loaded: true }),
      () => live && setState((s) => ({ ...s, loaded: true })),
    );
    const stop = env.settings.watch((settings) => setState({ settings, loaded: true }));
    return () => {
      live = false;
      stop();
    };
  }, [env.settings]);

  const value = useMemo<Prefs>(() => ({ ...state, update: (patch) => env.settings.update(patch) }), [state, env.settings]);
  return <PrefsContext.Provider value={value}>{props.children}</PrefsContext.Provider>;
}
