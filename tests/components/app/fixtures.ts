/** Plain records for component tests: a client, a session with its contract and timer, a bundle. */
import type { CommitmentView, SessionBundle } from '@/lib/api/contract';
import type { Client, Contract, Item, Session, TimerState } from '@/lib/model/types';
import { newTimer } from '@/lib/timer/timer';

/** 21 Nov 2026, 10:00 UTC: the fake env's default `now`. */
export const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);
export const MIN = 60_000;

export function aClient(over: Partial<Client> = {}): Client {
  return {
    id: 'c1',
    name: 'Ana Lima',
    email: '',
    goals: [],
    notes: '',
    keepNoNotes: false,
    createdAt: NOW - 30 * 86_400_000,
    updatedAt: NOW,
    archived: false,
    ...over,
  };
}

export function aContract(over: Partial<Contract> = {}): Contract {
  return {
    topic: '',
    desiredOutcome: '',
    whyItMatters: '',
    successMeasures: '',
    focus: '',
    agreements: { confidentiality: false, recordingConsent: false, permissionToOffer: false },
    notes: '',
    goalId: null,
    checkIns: [],
    ...over,
  };
}

export function aTimer(over: Partial<TimerState> = {}): TimerState {
  return { ...newTimer(60), ...over };
}

export function aSession(over: Partial<Session> = {}): Session {
  return {
    id: 's1',
    clientId: 'c1',
    status: 'active',
    startedAt: NOW,
    endedAt: null,
    contract: aContract(),
    timer: aTimer(),
    asked: [],
    reflection: '',
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

export function aBundle(over: Partial<SessionBundle> = {}): SessionBundle {
  return { session: aSession(), client: aClient(), items: [], reviewed: [], asked: [], ...over };
}

export function anItem(over: Partial<Item> = {}): Item {
  return {
    id: 'i1',
    sessionId: 's0',
    clientId: 'c1',
    kind: 'commitment',
    text: 'Draft the team charter',
    shareable: true,
    order: 0,
    createdAt: NOW - 14 * 86_400_000,
    updatedAt: NOW - 14 * 86_400_000,
    due: '',
    howWillYouKnow: '',
    support: '',
    reviews: [],
    open: 1,
    ...over,
  };
}

export function aCommitment(over: Partial<Item> = {}, view: Partial<Omit<CommitmentView, 'item'>> = {}): CommitmentView {
  return { item: anItem(over), status: 'open', lastReview: null, madeAt: NOW - 14 * 86_400_000, ...view };
}
