/**
 * Deterministic, realistic-sounding words for seeding a large record (benchmarks, demos): a seeded PRNG
 * and small word lists, so search sees real vocabulary and every run seeds the same text.
 */

/** mulberry32: a tiny seeded PRNG returning [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const FIRST = [
  'Ana',
  'Ben',
  'Chloe',
  'Dev',
  'Elif',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Noah',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Uma',
  'Victor',
  'Wen',
  'Xavi',
  'Yara',
  'Zoe',
  'Amir',
  'Bea',
  'Carlos',
  'Dana',
  'Emeka',
  'Freya',
  'Goran',
  'Hana',
  'Ivan',
  'Julia',
  'Kai',
  'Lena',
  'Marco',
  'Nadia',
];
const LAST = [
  'Lopez',
  'Okafor',
  'Schmidt',
  'Tanaka',
  'Novak',
  'Haddad',
  'Kowalski',
  'Mensah',
  'Rossi',
  'Larsen',
  'Dubois',
  'Singh',
  'Moreau',
  'Costa',
  'Nguyen',
  'Fischer',
  'Adeyemi',
  'Petrov',
  'Silva',
  'Berg',
  'Khan',
  'Murphy',
  'Ivanova',
  'Sato',
  'Garcia',
  'Osei',
  'Jensen',
  'Ricci',
  'Bauer',
  'Kaya',
];

export function clientName(n: number): string {
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
  const round = Math.floor(n / (FIRST.length * LAST.length));
  return round ? `${first} ${last} ${round + 1}` : `${first} ${last}`;
}

const TOPICS = [
  'Delegating the roadmap',
  'Stepping into the director role',
  'Difficult conversation with a peer',
  'Energy and boundaries',
  'Preparing the board presentation',
  'Feedback for a struggling report',
  'Career direction after the merger',
  'Running calmer team meetings',
  'Saying no to extra projects',
  'Building trust with the new manager',
  'Recovering from burnout',
  'Hiring the first team lead',
  'Time for deep work',
  'Negotiating the budget',
  'Speaking up in leadership meetings',
  'Returning from parental leave',
  'Handling conflict between two engineers',
  'Owning the strategy',
  'Confidence before the promotion panel',
  'Balancing travel and family',
];
const VERBS = [
  'Draft',
  'Schedule',
  'Ask',
  'Book',
  'Write',
  'Share',
  'Review',
  'Call',
  'Practise',
  'Prepare',
  'Block',
  'Decline',
  'Delegate',
  'Send',
  'Plan',
  'Try',
  'List',
  'Map',
  'Propose',
  'Reflect on',
  'Finish',
  'Outline',
  'Rehearse',
  'Clarify',
  'Agree',
  'Test',
  'Sketch',
  'Revisit',
  'Protect',
  'Name',
  'Celebrate',
  'Simplify',
  'Pause',
  'Journal about',
  'Invite',
  'Confirm',
  'Gather',
  'Hand over',
  'Cancel',
  'Start',
];
const THINGS = [
  'the handover plan',
  'a one-to-one',
  'feedback from two peers',
  'the budget proposal',
  'a walk before work',
  'the hiring brief',
  'the quarterly priorities',
  'a conversation with the board chair',
  'three options for the reorg',
  'a note to the team about meetings',
  'the presentation outline',
  'time for deep work',
  'a boundary with the sales lead',
  'the onboarding checklist',
  'a lunch',
  'the career conversation',
  'the project retrospective',
  'an honest update to the sponsor',
  'a mentoring session',
  'the weekly review',
  'the pricing memo',
  'a skip-level meeting',
  'the roadmap draft',
  'a thank-you message',
  'the vendor contract',
  'the team charter',
  'a recovery day',
  'the interview questions',
  'the product launch timeline',
  'a coffee with finance',
  'the escalation policy',
  'the strategy offsite agenda',
  'a decision log',
  'the succession plan',
  'an evening without email',
  'the customer apology',
  'the migration checklist',
  'a running habit',
  'the annual objectives',
  'the investor update',
];
const PEOPLE = [
  'Marco',
  'Lena',
  'Sam',
  'Aisha',
  'Tomasz',
  'Keiko',
  'Rafael',
  'Ingrid',
  'Kwame',
  'Sofia',
  'Mateo',
  'Nina',
  'Oskar',
  'Leila',
  'Diego',
  'Hannah',
  'Yusuf',
  'Clara',
  'Ravi',
  'Mei',
  'the CFO',
  'the product team',
  'the sponsor',
  'the new manager',
  'the board',
  'two engineers',
  'the design lead',
  'HR',
];
const WHENS = [
  'before Friday',
  'this week',
  'by the end of the month',
  'after the offsite',
  'on Monday morning',
  'before our next session',
  'every Tuesday',
  'within two days',
  'by Wednesday lunchtime',
  'before the quarter closes',
  'next sprint',
  'after the holidays',
  'tomorrow',
  'once a week for a month',
  'before the board meeting',
  'at the team retro',
];
const KNOWS = [
  'an email to me',
  'a calendar screenshot',
  'tell me at the start of next session',
  'a short voice note',
  'the draft in our shared folder',
  'a thumbs-up message',
  'the meeting invite',
  'a photo of the plan',
  'a line in the journal',
  'the sent message',
];
const MOODS = [
  'Energy rose when talking about',
  'Noticed hesitation around',
  'Wants more challenge on',
  'Pattern: avoids conflict with',
  'Clear shift after discussing',
  'Tired today when raising',
  'Strong language about',
  'Laughed when naming the fear about',
  'Returned twice to',
  'Relief once the first step on',
  'Quiet and careful about',
  'Excited, fast speech about',
];

const object = (rand: Rand) => (rand() < 0.4 ? `${pick(rand, THINGS)} with ${pick(rand, PEOPLE)}` : pick(rand, THINGS));

export interface SeedSession {
  topic: string;
  desiredOutcome: string;
  commitments: { text: string; howWillYouKnow: string }[];
  notes: string[];
}

export function sessionText(rand: Rand, commitments: number, notes: number): SeedSession {
  return {
    topic: pick(rand, TOPICS),
    desiredOutcome: `A first step on ${object(rand)} ${pick(rand, WHENS)}`,
    commitments: Array.from({ length: commitments }, () => ({
      text: `${pick(rand, VERBS)} ${object(rand)} ${pick(rand, WHENS)}`,
      howWillYouKnow: pick(rand, KNOWS),
    })),
    notes: Array.from({ length: notes }, () => `${pick(rand, MOODS)} ${object(rand)}`),
  };
}
