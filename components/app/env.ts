/**
 * The AppEnv (lib/view/ports.ts), handed in by the entrypoint, as a Preact context: components read it with
 * `useEnv()`. Tests give them a fake env, the entrypoints the real one.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppEnv } from '@/lib/view/ports';

export const EnvContext = createContext<AppEnv | null>(null);

export function useEnv(): AppEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('Holdspace UI rendered without an AppEnv provider');
  return env;
}
