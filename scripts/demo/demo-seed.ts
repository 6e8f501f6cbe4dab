/**
 * The demo record for `npm start`: a client with an earlier session two weeks ago (its commitments up for
 * review: one overdue, one due this week) and a session under way today. Runs inside an extension page
 * through the views' own typed API client.
 *
 * The API stamps every record it writes with the worker's clock, so the earlier session cannot be written
 * through it in the past. It arrives instead the way a coach's own history does: as a backup file (made by
 * lib/backup/serialize.ts, checked on import like any other) merged into the record.
 */
import { createApiClient } from '@/lib/api/client';
import { toBase64 } from '@/lib/backup/base64';
import type { ApiArgs, ApiMethod, ApiValue } from '@/lib/api/contract';
import type { ApiRequest } from '@/lib/api/wire';
import { serializeBackup } from '@/lib/backup/serialize';
import { isoDate } from '@/lib/model/dates';
import type { Client, Item, Millis, Session } from '@/lib/model/types';
import { DEFAULTS } from '@/lib/model/limits';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const api = createApiClient((message: ApiRequest) => chrome.runtime.sendMessage(message), 'demo-seed');

async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiValue<M>> {
  const result = await (api[method] as (a: ApiArgs<M>) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>)(args);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? 'no answer'}`);
  return result.value as ApiValue<M>;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Local midnight of the day `days` from the day of `now`, plus `hours`. */
function dayAt(now: Millis, days: number, hours = 0): Millis {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, hours).getTime();
}

/** The earlier session, two weeks ago, as a one-client backup: client, session, what was captured. */
export function demoHistory(now: Millis, newId: () => string = () => crypto.randomUUID()): { records: string; clientId: string } {
  const clientId = newId();
  const sessionId = newId();
  const started = dayAt(now, -14, 10);
  const ended = started + 55 * MINUTE;
  const client: Client = {
    id: clientId,
    name: 'Jordan Rivera',
    email: 'jordan@example.com',
    goals: [{ id: newId(), text: 'Step into the VP role with confidence' }],
    notes: 'Promoted to VP of Engineering in the autumn; three new team leads.',
    keepNoNotes: false,
    createdAt: started - 7 * DAY,
    updatedAt: ended,
    archived: false,
  };
  const session: Session = {
    id: sessionId,
    clientId,
    status: 'ended',
    startedAt: started,
    endedAt: ended,
    contract: {
      topic: 'Delegating to the new team leads',
      desiredOutcome: 'A plan for what to hand over first',
      whyItMatters: 'Evenings go to work the leads could do',
      successMeasures: '',
      focus: 'out-of-session',
      agreements: { confidentiality: true, recordingConsent: false, permissionToOffer: true },
      notes: '',
      goalId: client.goals[0]!.id,
      checkIns: [{ at: started + 30 * MINUTE, onTrack: true, shiftedTo: '' }],
    },
    timer: {
      plannedMinutes: DEFAULTS.sessionMinutes,
      startedAt: started,
      pausedAt: null,
      pausedTotalMs: 0,
      phases: { ...DEFAULTS.phases },
      warningMinutes: DEFAULTS.warningMinutes,
    },
    asked: [{ questionId: 'b:reality:18', at: started + 20 * MINUTE }],
    reflection: 'Jordan lit up when talking about Priya’s growth; the block is trust, not time.',
    createdAt: started,
    updatedAt: ended,
  };
  let order = 0;
  const item = (at: Millis, fields: Pick<Item, 'kind' | 'text'> & Partial<Item>): Item => ({
    id: newId(),
    sessionId,
    clientId,
    shareable: true,
    order: order++,
    createdAt: at,
    updatedAt: at,
    due: '',
    howWillYouKnow: '',
    support: '',
    reviews: [],
    open: fields.kind === 'commitment' ? 1 : 0,
    ...fields,
  });
  const items: Item[] = [
    item(started + 18 * MINUTE, { kind: 'insight', text: 'Holding on to the weekly report keeps me in the detail I want to leave' }),
    item(started + 25 * MINUTE, { kind: 'belief', text: 'If I let go, quality drops', shareable: false }),
    item(started + 40 * MINUTE, {
      kind: 'commitment',
      text: 'Hand the weekly report to Priya',
      // Due three days ago: overdue at today's review.
      due: isoDate(dayAt(now, -3)),
      howWillYouKnow: 'Priya sends the next report',
      support: 'A template',
    }),
    item(started + 45 * MINUTE, {
      kind: 'commitment',
      text: 'Block two hours of thinking time each week',
      // Due later this week.
      due: isoDate(dayAt(now, 3)),
      howWillYouKnow: 'It is in the calendar',
    }),
  ];
  const records = serializeBackup(
    { clients: [client], sessions: [session], items, questions: [], questionPrefs: [], settings: null },
    'client',
    now,
  );
  return { records, clientId };
}

export async function seedDemo(): Promise<void> {
  if (await call('activeSession', {})) return;
  const { records, clientId } = demoHistory(Date.now());
  // A small, older-format (JSON) file: one page, read by the worker like any backup a coach imports.
  const upload = await call('uploadBackupPage', { page: 0, data: toBase64(new TextEncoder().encode(records)) });
  await call('importBackup', { transfer: upload.transfer, mode: 'merge' });
  const today = await call('startSession', { clientId });
  await call('updateContract', {
    sessionId: today.id,
    patch: {
      topic: 'Speaking up in the leadership meeting',
      desiredOutcome: 'One sentence I will say on Monday',
      agreements: { confidentiality: true },
    },
  });
  await call('timer', { sessionId: today.id, action: { type: 'start' } });
}
