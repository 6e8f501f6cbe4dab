/** A fixed session for the exporter tests: every section filled, plus hostile text. */
import type { SessionBundle } from '@/lib/api/contract';
import type { Client, Item, ItemKind, Session } from '@/lib/model/types';
import { DEFAULT_SHAREABLE } from '@/lib/model/types';
import { newTimer } from '@/lib/timer/timer';

export const T0 = Date.UTC(2026, 10, 20, 10, 0, 0);
export const NOW = Date.UTC(2026, 10, 21, 9, 30, 0);
export const UTC = () => 0;

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  link: 'Click [here](javascript:alert(1)) now',
  img: '<img src=x onerror=alert(1)>',
  multiline: 'first line\n# not a heading\n- not a list\n\n    not code',
  emoji: 'Run 5 km 🏃‍♀️ every week 💪',
  rtl: 'أريد أن أكون قائدًا أفضل',
  hebrew: 'שלום עולם',
  markup: '*bold* _em_ `code` ~~strike~~ | pipe',
};

export function client(patch: Partial<Client> = {}): Client {
  return {
    id: 'c1',
    name: 'Jane Doe',
    email: 'jane@example.com',
    goals: [],
    notes: '',
    keepNoNotes: false,
    createdAt: T0 - 86_400_000,
    updatedAt: T0 - 86_400_000,
    archived: false,
    ...patch,
  };
}

export function session(patch: Partial<Session> = {}): Session {
  const timer = { ...newTimer(60), startedAt: T0 + 2 * 60_000 };
  return {
    id: 's1',
    clientId: 'c1',
    status: 'ended',
    startedAt: T0,
    endedAt: T0 + 57 * 60_000,
    contract: {
      topic: 'Leading the new team',
      desiredOutcome: 'A first step for Monday',
      whyItMatters: 'The team starts next week',
      successMeasures: 'One concrete action',
      focus: 'out-of-session',
      agreements: { confidentiality: true, recordingConsent: false, permissionToOffer: true },
      notes: 'Coach only: seemed tired',
      goalId: null,
      checkIns: [],
    },
    timer,
    asked: [],
    reflection: 'Private reflection: I talked too much.',
    createdAt: T0,
    updatedAt: T0 + 57 * 60_000,
    ...patch,
  };
}

let order = 0;
export function item(kind: ItemKind, text: string, patch: Partial<Item> = {}): Item {
  order += 1;
  return {
    id: `i${order}`,
    sessionId: 's1',
    clientId: 'c1',
    kind,
    text,
    shareable: DEFAULT_SHAREABLE[kind],
    order,
    createdAt: T0 + order * 60_000,
    updatedAt: T0 + order * 60_000,
    due: '',
    howWillYouKnow: '',
    support: '',
    reviews: [],
    open: kind === 'commitment' ? 1 : 0,
    ...patch,
  };
}

export function bundle(patch: Partial<SessionBundle> = {}): SessionBundle {
  order = 0;
  const prior = item('commitment', 'Book the offsite', {
    id: 'p1',
    sessionId: 's0',
    due: '2026-11-15',
    reviews: [{ sessionId: 's1', status: 'done', note: 'Booked, venue confirmed', at: T0 + 5 * 60_000 }],
    open: 0,
  });
  const priorPrivate = item('commitment', 'Private prior thing', { id: 'p2', sessionId: 's0', shareable: false });
  return {
    session: session(),
    client: client(),
    items: [
      item('commitment', 'Talk to Sam about the roadmap', {
        id: 'k1',
        due: '2026-12-01',
        howWillYouKnow: 'I will email you',
        support: 'A script',
      }),
      item('commitment', 'Run the first team meeting', { id: 'k2', due: '2026-12-03T09:30', howWillYouKnow: 'Agenda sent' }),
      item('commitment', 'Keep a journal', { id: 'k3' }),
      item('commitment', 'Private commitment', { id: 'k4', shareable: false, due: '2026-12-05' }),
      item('insight', 'I avoid conflict when tired', { id: 'n1' }),
      item('inquiry', 'What would a brave leader do?', { id: 'q1' }),
      item('note', 'Coach note: energy dropped at 30 min', { id: 'x1' }),
      item('belief', '"I am not a real leader"', { id: 'b1' }),
      item('belief', 'Shared belief is still private in client version', { id: 'b2', shareable: true }),
    ],
    reviewed: [
      { item: prior, status: 'done', lastReview: prior.reviews[0]!, madeAt: T0 - 7 * 86_400_000 },
      { item: priorPrivate, status: 'open', lastReview: null, madeAt: T0 - 7 * 86_400_000 },
    ],
    asked: [
      { questionId: 'b:goal-1', at: T0 + 3 * 60_000, text: 'What do you want from today?', stage: 'goal' },
      { questionId: 'c:gone', at: T0 + 9 * 60_000, text: 'What else?', stage: null },
    ],
    ...patch,
  };
}

/** A bundle whose every user-typed field carries the given text. */
export function hostileBundle(text: string): SessionBundle {
  const b = bundle();
  const s = b.session;
  return {
    ...b,
    client: client({ name: text }),
    session: {
      ...s,
      contract: { ...s.contract, topic: text, desiredOutcome: text, whyItMatters: text, successMeasures: text, notes: text },
      reflection: text,
    },
    items: b.items.map((i) => ({ ...i, text, howWillYouKnow: i.howWillYouKnow && text, support: i.support && text })),
    reviewed: b.reviewed.map((r) => ({ ...r, item: { ...r.item, text } })),
    asked: b.asked.map((q) => ({ ...q, text })),
  };
}
