import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SessionBundle } from '@/lib/api/contract';
import type { Session, Stage } from '@/lib/model/types';
import { ClientPicker } from '../clients/ClientPicker';
import { FirstSessionNote } from '../clients/FirstSessionNote';
import { ContractPanel } from '../contract/ContractPanel';
import { PriorCommitments } from '../prior/PriorCommitments';
import { usePriorCommitments } from '../prior/usePriorCommitments';
import { GlobalSearch } from '../search/GlobalSearch';
import { isOverdue } from '@/lib/model/dates';
import { panelId, Tabs, tabPanelProps, tabId, type TabSpec } from '../ui/Tabs';
import { useEnv } from './env';
import { isTabAction, TAB_KEY, type ShortcutAction, type TabKey } from './shortcuts';
import type { Slots } from './slots';
import { useWorkspaceTab } from './useWorkspaceTab';

export interface Command {
  action: ShortcutAction;
  seq: number;
}

const FIELDS = 'input, select, textarea';

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
  const available: TabKey[] = session
    ? ['contract', 'deck', 'capture', ...(priorList.length ? ['prior' as const] : []), 'search']
    : ['start', 'deck', 'search'];
  const fallback: TabKey = !session
    ? 'start'
    : priorList.length
      ? 'prior'
      : outOfSession && session.contract.desiredOutcome
        ? 'capture'
        : 'contract';
  const [tab, selectTab] = useWorkspaceTab(session?.id ?? null, available, fallback);
  const [deckStage, setDeckStage] = useState<Stage | undefined>(undefined);
  const [captureSignal, setCaptureSignal] = useState(0);
  const [searchSignal, setSearchSignal] = useState(0);

  // Shortcuts are handled in the render they cause (layout effects, not a frame later): keys typed right
  // after Alt+1..5 must land in the new tab, never in the control that had focus (e.g. "End session").
  const focusNext = useRef<TabKey | null>(null);
  useLayoutEffect(() => {
    const action = props.command?.action;
    if (!action) return;
    if (isTabAction(action)) {
      const target = available.find((t) => TAB_KEY[t] === action);
      if (!target) return;
      if (target === 'capture') setCaptureSignal((n) => n + 1);
      if (target === 'search') setSearchSignal((n) => n + 1);
      if (target !== 'capture' && target !== 'search') focusNext.current = target;
      if (!props.wide) selectTab(target);
    } else if (action === 'search.focus') {
      if (!props.wide) selectTab('search');
      setSearchSignal((n) => n + 1);
    } else if (action === 'capture.focus' && session) {
      if (!props.wide) selectTab('capture');
      setCaptureSignal((n) => n + 1);
    }
  }, [props.command?.seq]);
  // Capture and search focus their own fields on their signal; the other tabs take focus here, in the
  // commit that shows them (the tab itself in the overlay; the pane's first field in the wide panel).
  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target || (!props.wide && tab !== target)) return;
    focusNext.current = null;
    if (!props.wide) document.getElementById(tabId('ws', target))?.focus();
    else document.querySelector(`.pane--${target}`)?.querySelector<HTMLElement>(FIELDS)?.focus();
  });

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
    const where = props.wide ? '.pane--prior, .pane--contract' : `#${panelId('ws', tab)}`;
    document.querySelector(where)?.querySelector<HTMLElement>(FIELDS)?.focus();
  });

  const openContractingQuestions = () => {
    setDeckStage('contracting');
    if (!props.wide) selectTab('deck');
  };

  const panes: Partial<Record<TabKey, preact.VNode>> = {
    start: session ? undefined : <ClientPicker onStarted={onStarted} />,
    contract:
      session && bundle ? (
        <>
          {!session.contract.desiredOutcome.trim() && <FirstSessionNote client={bundle.client} sessionId={session.id} />}
          <ContractPanel key={session.id} session={session} onSaved={props.onSaved} onContractingQuestions={openContractingQuestions} />
        </>
      ) : undefined,
    prior:
      session && bundle && priorList.length ? (
        <PriorCommitments
          sessionId={session.id}
          clientName={bundle.client.name}
          commitments={prior}
          onDone={props.wide ? undefined : () => selectTab('contract')}
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
    const right: TabKey[] = outOfSession ? ['capture', 'deck'] : ['deck', 'capture'];
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
