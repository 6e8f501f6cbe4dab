import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SessionBundle } from '@/lib/api/contract';
import type { Session, Stage } from '@/lib/model/types';
import { ClientPicker } from '../clients/ClientPicker';
import { FirstSessionNote } from '../clients/FirstSessionNote';
import { ContractPanel } from '../contract/ContractPanel';
import { DueThisWeekButton } from '../due/DueThisWeek';
import { LockOffer } from '../lock/LockOffer';
import { PriorCommitments } from '../prior/PriorCommitments';
import { usePriorCommitments } from '../prior/usePriorCommitments';
import { GlobalSearch } from '../search/GlobalSearch';
import { isOverdue } from '@/lib/model/dates';
import { panelId, Tabs, tabPanelProps, type TabSpec } from '../ui/Tabs';
import { useEnv } from './env';
import { isTabAction, TAB_KEY, type ShortcutAction, type TabKey } from './shortcuts';
import type { Slots } from './slots';
import { focusWork } from './focusWork';
import { useWorkspaceTab } from './useWorkspaceTab';

export interface Command {
  /** A key's action, or `work.resume`: the panel is back from the pill with nothing to return focus to. */
  action: ShortcutAction | 'work.resume';
  seq: number;
}

const LABELS: Record<TabKey, Pick<TabSpec<TabKey>, 'label' | 'name' | 'icon'>> = {
  start: { label: 'Client' },
  contract: { label: 'Contract' },
  deck: { label: 'Deck' },
  capture: { label: 'Capture' },
  prior: { label: 'Prior', name: 'Prior commitments' },
  search: { label: 'Search', icon: 'search' },
};

/**
 * The work area: one task at a time behind tabs (overlay, narrow panel) or two columns (wide panel:
 * contract and prior commitments left, deck and capture right). Every component is mounted once either way.
 */
export function Workspace(props: {
  bundle: SessionBundle | null;
  wide: boolean;
  slots: Slots;
  command: Command | null;
  onSaved(s: Session): void;
  onStarted(s: Session): void;
}) {
  const env = useEnv();
  const { bundle, slots } = props;
  const session = bundle?.session ?? null;
  const prior = usePriorCommitments(bundle?.client.id ?? null, bundle?.reviewed ?? []);
  const priorList = session ? (prior.data ?? []) : [];
  const outOfSession = session?.contract.focus === 'out-of-session';
  // Which tab a session opens on (and the wide panel's column order) follows the contract as it was when
  // the session opened in this view, never its later edits: choosing "Out-of-session work" with an arrow key
  // once switched the overlay to Capture under the coach's hand, and the next keys went astray.
  const opened = useRef<{ sessionId: string; captureFirst: boolean } | null>(null);
  if (session && opened.current?.sessionId !== session.id)
    opened.current = { sessionId: session.id, captureFirst: outOfSession && session.contract.desiredOutcome.trim() !== '' };
  const captureFirst = session !== null && opened.current?.captureFirst === true;
  const available: TabKey[] = session
    ? ['contract', 'deck', 'capture', ...(priorList.length ? ['prior' as const] : []), 'search']
    : ['start', 'deck', 'search'];
  const fallback: TabKey = !session ? 'start' : priorList.length ? 'prior' : captureFirst ? 'capture' : 'contract';
  const [tab, selectTab] = useWorkspaceTab(session?.id ?? null, available, fallback);
  const [deckStage, setDeckStage] = useState<Stage | undefined>(undefined);
  const [captureSignal, setCaptureSignal] = useState(0);
  const [searchSignal, setSearchSignal] = useState(0);

  // Shortcuts are handled in the render they cause (layout effects, not a frame later): keys typed right
  // after Alt+1..5 must land in the new tab, never in the control that had focus (e.g. "End session").
  const focusNext = useRef<TabKey | null>(null);
  const openAndFocus = (target: TabKey) => {
    focusNext.current = target;
    if (!props.wide) selectTab(target);
  };
  useLayoutEffect(() => {
    const action = props.command?.action;
    if (!action) return;
    if (action !== 'work.resume' && isTabAction(action)) {
      const target = available.find((t) => TAB_KEY[t] === action);
      if (!target) {
        // No such tab now (Alt+3 with no session): nothing moves — but when the key closed the view that held
        // focus (a summary, Settings), focus goes where work continues rather than to nothing.
        if (!document.activeElement || document.activeElement === document.body) openAndFocus(tab);
        return;
      }
      if (target === 'capture') setCaptureSignal((n) => n + 1);
      if (target === 'search') setSearchSignal((n) => n + 1);
      openAndFocus(target);
    } else if (action === 'search.focus') {
      setSearchSignal((n) => n + 1);
      openAndFocus('search');
    } else if (action === 'capture.focus') {
      // No session yet: nothing to capture into, so work continues at the client picker (Alt+Shift+O on a call).
      if (session) setCaptureSignal((n) => n + 1);
      openAndFocus(session ? 'capture' : 'start');
    } else if (action === 'work.resume') {
      openAndFocus(tab);
    }
  }, [props.command?.seq]);
  // Focus goes where work continues (./focusWork: Topic or the first empty contract field, the deck's
  // question list, the capture field with its kind switch in view, the first commitment still to review),
  // in the commit that shows the tab. Search focuses its own box on its signal (closing an open result first).
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target || (!props.wide && tab !== target)) return;
    focusNext.current = null;
    if (target !== 'search') focusWork(workArea(target));
  });
  const workArea = (key: TabKey) => document.querySelector(props.wide ? `.pane--${key}` : `#${panelId('ws', key)}`);

  const overdue = priorList.filter((c) => c.item.due && isOverdue(c.item.due, env.now()) && c.lastReview?.sessionId !== session?.id).length;
  const unreviewed = priorList.filter((c) => c.lastReview?.sessionId !== session?.id).length;
  const tabs: TabSpec<TabKey>[] = available.map((key) => ({
    key,
    ...LABELS[key],
    shortcut: TAB_KEY[key],
    ...(key === 'prior' && unreviewed > 0
      ? {
          badge: String(unreviewed),
          badgeTone: overdue > 0 ? ('warn' as const) : ('accent' as const),
          badgeLabel: `${unreviewed} to review${overdue > 0 ? `, ${overdue} overdue` : ''}`,
        }
      : {}),
  }));

  // Right after "Start session", the first field of what opened (prior review or the contract) takes focus.
  const focusAfterStart = useRef(false);
  const onStarted = (s: Session) => {
    focusAfterStart.current = true;
    props.onStarted(s);
  };
  useEffect(() => {
    if (!focusAfterStart.current || !session || prior.loading) return;
    focusAfterStart.current = false;
    // The coach already went somewhere while the review was loading (typing into Topic): stay there, or the
    // keys typed next would land in the review (where d, p, n, x, f record a status).
    const here = document.activeElement;
    if (here instanceof HTMLElement && here.matches('input, textarea, select, [contenteditable="true"]')) return;
    focusWork(props.wide ? (workArea('prior') ?? workArea('contract')) : workArea(tab));
  });

  const openContractingQuestions = () => {
    setDeckStage('contracting');
    if (!props.wide) selectTab('deck');
  };

  const panes: Partial<Record<TabKey, preact.VNode>> = {
    start: session ? undefined : (
      <>
        <ClientPicker onStarted={onStarted} />
        <DueThisWeekButton />
        <LockOffer />
      </>
    ),
    contract:
      session && bundle ? (
        <>
          {!session.contract.desiredOutcome.trim() && <FirstSessionNote client={bundle.client} sessionId={session.id} />}
          <ContractPanel
            key={session.id}
            session={session}
            goals={bundle.client.goals}
            shown={props.wide || tab === 'contract'}
            onSaved={props.onSaved}
            onContractingQuestions={openContractingQuestions}
          />
        </>
      ) : undefined,
    prior:
      session && bundle && priorList.length ? (
        <PriorCommitments
          sessionId={session.id}
          clientName={bundle.client.name}
          commitments={prior}
          onDone={props.wide ? undefined : () => openAndFocus('contract')}
        />
      ) : undefined,
    deck: slots.deck({ sessionId: session?.id ?? null, stage: deckStage }),
    capture:
      session && bundle
        ? slots.capture({
            sessionId: session.id,
            keepNoNotes: bundle.client.keepNoNotes,
            focusSignal: captureSignal,
            ...(outOfSession ? { preferKind: 'commitment' as const } : {}),
          })
        : undefined,
    search: <GlobalSearch focusSignal={searchSignal} />,
  };

  if (props.wide) {
    const right: TabKey[] = captureFirst ? ['capture', 'deck'] : ['deck', 'capture'];
    return (
      <div class="columns">
        <div class="column">
          <div class="pane pane--search">{panes.search}</div>
          {(['prior', 'contract', 'start'] as const).map(
            (k) =>
              panes[k] && (
                <div key={k} class={`pane pane--${k}`}>
                  {panes[k]}
                </div>
              ),
          )}
        </div>
        <div class="column">
          {right.map(
            (k) =>
              panes[k] && (
                <div key={k} class={`pane pane--${k}`}>
                  {panes[k]}
                </div>
              ),
          )}
        </div>
      </div>
    );
  }

  return (
    <div class="tabbed">
      <Tabs label="Session views" prefix="ws" tabs={tabs} active={tab} onSelect={selectTab} />
      {available.map((key) => (
        <div key={key} {...tabPanelProps('ws', key, tab)}>
          {panes[key]}
        </div>
      ))}
    </div>
  );
}
