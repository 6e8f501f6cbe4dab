/**
 * The coach's settings, loaded once through env.settings and kept live, shared with every component
 * (shortcut hints, theme, timer defaults). Without a provider, components see the defaults.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@/lib/settings/settings';
import { useEnv } from './env';

export interface Prefs {
  settings: Settings;
  /** False until the stored settings arrived (defaults are shown meanwhile). */
  loaded: boolean;
  update(patch: SettingsPatch): Promise<void>;
}

export const PrefsContext = createContext<Prefs>({ settings: DEFAULT_SETTINGS, loaded: false, update: async () => {} });

export function usePrefs(): Prefs {
  return useContext(PrefsContext);
}

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
