/** Work that waits for a quiet store: no API call under way for a while (the store's heavier, optional work). */

/**
 * Runs a task once no call wrapped in `during` has been under way for `quietMs` (at most one task waits: a
 * later `after` replaces it). A worker woken by a view's first reads thus answers them before heavier work.
 */
export function whenQuiet(quietMs: number) {
  let busy = 0;
  let task: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!task || busy > 0) return;
    timer = setTimeout(() => {
      timer = null;
      const run = task;
      task = null;
      run?.();
    }, quietMs);
  };
  return {
    after(run: () => void): void {
      task = run;
      arm();
    },
    async during<T>(work: () => Promise<T>): Promise<T> {
      busy++;
      arm();
      try {
        return await work();
      } finally {
        busy--;
        arm();
      }
    },
  };
}
