import { useEffect, useState } from 'preact/hooks';
import { useEnv } from './env';
import type { TabKey } from './shortcuts';

const TAB_KEYS: readonly TabKey[] = ['start', 'contract', 'deck', 'capture', 'prior', 'search'];

/**
 * The open tab: the coach's choice (restored after a reload from the view's state, per layout and session),
 * else `fallback`. Resets when the session changes.
 */
export function useWorkspaceTab(sessionId: string | null, available: TabKey[], fallback: TabKey): [TabKey, (tab: TabKey) => void] {
  const env = useEnv();
  const [chosen, setChosen] = useState<{ sessionId: string | null; tab: TabKey } | null>(null);
  const key = `${env.layout}:tab`;

  useEffect(() => {
    let live = true;
    if (!sessionId) return;
    void env.viewState.get(key).then((stored) => {
      const v = stored as { sessionId?: unknown; tab?: unknown } | null | undefined;
      if (!live || !v || v.sessionId !== sessionId || !TAB_KEYS.includes(v.tab as TabKey)) return;
      // A choice made meanwhile wins over the restored one.
      setChosen((c) => (c && c.sessionId === sessionId ? c : { sessionId, tab: v.tab as TabKey }));
    });
    return () => {
      live = false;
    };
  }, [sessionId]);

  const select = (tab: TabKey) => {
    setChosen({ sessionId, tab });
    if (sessionId) void env.viewState.set(key, { sessionId, tab });
  };

  const mine = chosen && chosen.sessionId === sessionId ? chosen.tab : null;
  const tab = mine && available.includes(mine) ? mine : available.includes(fallback) ? fallback : available[0]!;
  return [tab, select];
}
