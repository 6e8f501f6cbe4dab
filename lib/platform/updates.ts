/**
 * An extension update during a call. Chrome announces it (`runtime.onUpdateAvailable`) and holds it until
 * the extension reloads itself or the browser restarts. Decision: every open view is asked to save what is
 * typed at once, and the reload waits until no session is running, then happens after the views had
 * `SAFEKEEPING.updateFlushWaitMs` to save. Why not reload at once after the flush: reloading orphans the
 * overlay in the call tab (measured in Chromium 156: the frame stays, its connection closes, and the new
 * version's content script is not put into the open tab until it reloads), so the coach would lose the
 * overlay mid-call. The waiting update is remembered in `storage.session`, so an idle stop of the worker
 * does not forget it; each ended session checks it.
 */
import { SAFEKEEPING } from '../model/limits';

export interface UpdateDeps {
  onUpdateAvailable(listener: () => void): void;
  reload(): void;
  /** Ask every open view to save what is typed now. */
  requestFlush(): void;
  sessionRunning(): Promise<boolean>;
  waiting: { get(): Promise<boolean>; set(value: boolean): Promise<void> };
  wait?: (ms: number) => Promise<void>;
}

export function handleUpdates(deps: UpdateDeps): { sessionChanged(): Promise<void> } {
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const reloadWhenFree = async () => {
    if (await deps.sessionRunning()) return deps.waiting.set(true);
    deps.requestFlush();
    await wait(SAFEKEEPING.updateFlushWaitMs);
    await deps.waiting.set(false);
    deps.reload();
  };
  deps.onUpdateAvailable(() => {
    deps.requestFlush();
    void reloadWhenFree();
  });
  return {
    async sessionChanged() {
      if (await deps.waiting.get()) await reloadWhenFree();
    },
  };
}
