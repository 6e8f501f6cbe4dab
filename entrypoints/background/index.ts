import { startWorker } from '@/lib/platform/worker';
import { seedDirect } from '@/tests/bench/seed/seed';

// Wiring only (lib/platform/worker.ts): listeners are registered synchronously on every worker start.
export default defineBackground(() => {
  const { api, db } = startWorker();
  // `wxt build --mode bench` only (npm run bench): the store for timing without messaging. Dropped from
  // the production build as dead code; the benchmark checks that it is absent there.
  if (import.meta.env.MODE === 'bench') Object.assign(globalThis, { __holdspaceBench: { api, db, seedDirect } });
});
