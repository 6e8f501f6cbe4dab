import { render } from 'preact';
import { App } from './App';
import type { AppEnv } from '@/lib/view/ports';

/** Renders the app into `root` and tears it down (render(null), abort listeners) when the page goes away. */
export function mountApp(root: HTMLElement, makeEnv: (signal: AbortSignal) => AppEnv): void {
  const lifetime = new AbortController();
  render(<App env={makeEnv(lifetime.signal)} />, root);
  window.addEventListener('pagehide', (event) => {
    if (event.persisted) return;
    lifetime.abort();
    render(null, root);
  });
}
