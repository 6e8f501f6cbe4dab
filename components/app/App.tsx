import { useEffect } from 'preact/hooks';
import '../styles/app.css';
import type { AppEnv } from '@/lib/view/ports';
import { EnvContext, useEnv } from './env';
import { usePrefs } from './prefs';
import { PrefsProvider } from './PrefsProvider';
import { Shell } from './Shell';
import { LockGate } from '../lock/LockGate';
import { DEFAULT_SLOTS, type Slots } from './slots';

export interface AppProps {
  env: AppEnv;
  /** Replaces any of the views other modules provide (deck, capture, summary, settings). */
  slots?: Partial<Slots>;
}

/** Holdspace: the same app in the overlay on the call (compact) and in the side panel (roomier). */
export function App(props: AppProps) {
  const slots: Slots = { ...DEFAULT_SLOTS, ...props.slots };
  return (
    <EnvContext.Provider value={props.env}>
      <PrefsProvider>
        <Theme />
        <LockGate>
          <Shell slots={slots} />
        </LockGate>
      </PrefsProvider>
    </EnvContext.Provider>
  );
}

/** Applies settings.theme ('system' follows prefers-color-scheme) and the layout to the document. */
function Theme() {
  const { settings } = usePrefs();
  const { layout } = useEnv();
  useEffect(() => {
    const root = document.documentElement;
    if (settings.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = settings.theme;
    root.dataset.layout = layout;
  }, [settings.theme, layout]);
  return null;
}
