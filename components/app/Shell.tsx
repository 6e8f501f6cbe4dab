import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '@/lib/model/types';
import { useActiveSession } from '../hooks/useActiveSession';
import { Pill } from '../strip/Pill';
import { StatusStrip } from '../strip/StatusStrip';
import { useTimerActions } from '../timer/useTimerActions';
import { AutoBackupWarning } from '../settings/AutoBackupWarning';
import { ErrorNote } from '../ui/ErrorNote';
import { ClientsView } from '../engagement/ClientsView';
import { useEnv } from './env';
import { ShortcutHelp } from './ShortcutHelp';
import { matchShortcut, type ShortcutAction } from './shortcuts';
import type { Slots } from './slots';
import { useCollapsed } from './useCollapsed';
import { useLock } from '../lock/lockContext';
import { useWide } from './useWide';
import { useFocusInView } from './useFocusInView';
import { Workspace, type Command } from './Workspace';

type View = { kind: 'work' } | { kind: 'settings' } | { kind: 'summary'; sessionId: string } | { kind: 'clients'; clientId: string | null };

/** The frame around everything: strip, work area, pill, settings, summary, shortcut help and blur. */
export function Shell(props: { slots: Slots }) {
  const env = useEnv();
  const active = useActiveSession();
  const bundle = active.data ?? null;
  const [view, setView] = useState<View>({ kind: 'work' });
  const [collapsed, setCollapsed] = useCollapsed();
  const [blurred, setBlurred] = useState(false);
  const [help, setHelp] = useState(false);
  const [command, setCommand] = useState<Command | null>(null);
  const wide = useWide(env.layout === 'panel');
  const onSaved = useCallback((s: Session) => active.apply(s), [active.apply]);
  const timer = useTimerActions(bundle?.session ?? null, onSaved);

  const send = (action: Command['action']) => {
    if (collapsed) show(false);
    setView({ kind: 'work' });
    setCommand((c) => ({ action, seq: (c?.seq ?? 0) + 1 }));
  };

  // Hidden to the pill, the work stays mounted (hidden): on "Show panel" focus goes back where it was, at the
  // same scroll, and is kept in view once the frame has grown (useFocusInView). A shortcut that shows the
  // panel (Alt+3 from the pill) takes focus to its own target instead.
  const app = useRef<HTMLDivElement>(null);
  const work = useRef<HTMLElement>(null);
  const away = useRef<{ focused: HTMLElement | null; scrollTop: number } | null>(null);
  const restore = useRef<{ focused: HTMLElement | null; scrollTop: number } | null>(null);
  // Hidden by the coach (Alt+H, "Hide panel"), focus goes to "Show panel", never to nothing; a pill restored
  // on a page load takes no focus from the call.
  const showButton = useRef<HTMLButtonElement>(null);
  const focusPill = useRef(false);
  const hide = () => {
    const focused =
      document.activeElement instanceof HTMLElement && app.current?.contains(document.activeElement) ? document.activeElement : null;
    away.current = { focused, scrollTop: work.current?.scrollTop ?? 0 };
    focusPill.current = true;
    setCollapsed(true);
  };
  const show = (resume: boolean) => {
    const was = away.current;
    away.current = null;
    setCollapsed(false);
    restore.current = resume ? (was ?? { focused: null, scrollTop: 0 }) : null;
  };
  useLayoutEffect(() => {
    if (collapsed && focusPill.current) showButton.current?.focus();
    focusPill.current = false;
    const back = restore.current;
    if (collapsed || !back) return;
    restore.current = null;
    if (work.current) work.current.scrollTop = back.scrollTop;
    if (back.focused?.isConnected && !back.focused.closest('[hidden]')) back.focused.focus({ preventScroll: true });
    else send('work.resume');
  }, [collapsed]);
  useFocusInView(work);

  const handle = useRef<(a: ShortcutAction) => boolean>(() => false);
  handle.current = (action) => {
    if (help) return false; // the dialog owns the keyboard while open
    switch (action) {
      case 'timer.toggle':
        if (!bundle) return false;
        void timer.toggle();
        return true;
      case 'screen.blur':
        setBlurred((b) => !b);
        return true;
      case 'panel.hide':
        if (env.layout !== 'overlay') return false;
        if (collapsed) show(true);
        else hide();
        return true;
      case 'help.open':
        setHelp(true);
        return true;
      case 'view.back': // out of settings or the clients (views inside handle their own Escape first and stop it)
        // As their Close buttons: focus where work continues.
        if (view.kind !== 'clients' && view.kind !== 'settings') return false;
        send('work.resume');
        return true;
      default:
        send(action);
        return true;
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = matchShortcut(e);
      if (action && handle.current(action)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    const stopCapture = env.frame?.onFocusCapture(() => handle.current('capture.focus'));
    return () => {
      document.removeEventListener('keydown', onKey);
      stopCapture?.();
    };
  }, [env]);

  // Unlocked in this view: the lock screen (and its focused field) is gone, and focus goes where work continues.
  // On a plain load it takes none (the overlay must not take focus from the call).
  const { unlockedNow } = useLock();
  useLayoutEffect(() => {
    if (unlockedNow && !collapsed) send('work.resume');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the app mounts: the render right after an unlock
  }, []);

  // Closing the summary or settings: focus goes where work continues (the client picker after a session ended).
  const closeOverlayView = () => send('work.resume');
  return (
    <>
      {collapsed && (
        <div class="app app--pill" data-layout={env.layout}>
          <Pill timer={bundle?.session.timer ?? null} frame={env.frame} onShow={() => show(true)} showRef={showButton} />
        </div>
      )}
      <div
        ref={app}
        class={`app ${blurred ? 'is-blurred' : ''}`}
        data-layout={env.layout}
        data-wide={wide ? '' : undefined}
        hidden={collapsed}
      >
        <StatusStrip
          bundle={view.kind === 'summary' ? null : bundle}
          timerActions={timer}
          frame={env.frame}
          blurred={blurred}
          onToggleBlur={() => setBlurred((b) => !b)}
          onHide={env.layout === 'overlay' ? hide : undefined}
          onSettings={() => setView(view.kind === 'settings' ? { kind: 'work' } : { kind: 'settings' })}
          onHelp={() => setHelp(true)}
          onClients={(clientId) =>
            setView(view.kind === 'clients' && !clientId ? { kind: 'work' } : { kind: 'clients', clientId: clientId ?? null })
          }
          onEnded={(sessionId) => setView({ kind: 'summary', sessionId })}
        />
        <main ref={work} class="work blurrable" aria-busy={active.loading}>
          <AutoBackupWarning />
          {view.kind === 'settings' && <div class="view">{props.slots.settings(closeOverlayView)}</div>}
          {view.kind === 'summary' && <div class="view">{props.slots.summary(view.sessionId, closeOverlayView)}</div>}
          {view.kind === 'clients' && (
            <div class="view">
              <ClientsView key={view.clientId ?? ''} clientId={view.clientId} onClose={() => send('work.resume')} />
            </div>
          )}
          <div hidden={view.kind !== 'work'} class="work__main">
            {active.loading && !active.data ? (
              <p class="loading muted">Opening your session…</p>
            ) : active.error && active.data === undefined ? (
              <ErrorNote what="Holdspace could not reach its store." error={active.error} onRetry={active.reload} retryLabel="Try again" />
            ) : (
              <Workspace
                bundle={bundle}
                wide={wide}
                slots={props.slots}
                command={command}
                onSaved={onSaved}
                onStarted={(s) => (active.apply(s), active.reload())}
              />
            )}
          </div>
        </main>
        {help && <ShortcutHelp layout={env.layout} onClose={() => setHelp(false)} />}
      </div>
    </>
  );
}
