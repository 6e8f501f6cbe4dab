/**
 * The demo record for `npm start`: a client with an earlier session (commitments up for review) and a
 * session under way. Runs inside an extension page through the views' own typed API client.
 */
import { createApiClient } from '@/lib/api/client';
import type { ApiArgs, ApiMethod, ApiValue } from '@/lib/api/contract';
import type { ApiRequest } from '@/lib/api/wire';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const api = createApiClient((message: ApiRequest) => chrome.runtime.sendMessage(message), 'demo-seed');

async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiValue<M>> {
  const result = await (api[method] as (a: ApiArgs<M>) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>)(args);
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? 'no answer'}`);
  return result.value as ApiValue<M>;
}

export async function seedDemo(): Promise<void> {
  if (await call('activeSession', {})) return;
  const client = await call('createClient', {
    input: { name: 'Jordan Rivera', email: 'jordan@example.com', goals: ['Step into the VP role with confidence'] },
  });
  const first = await call('startSession', { clientId: client.id });
  await call('updateContract', {
    sessionId: first.id,
    patch: { topic: 'Delegating to the new team leads', desiredOutcome: 'A plan for what to hand over first' },
  });
  await call('addItem', {
    sessionId: first.id,
    input: {
      kind: 'commitment',
      text: 'Hand the weekly report to Priya',
      due: '2026-11-18',
      howWillYouKnow: 'Priya sends the next report',
      support: 'A template',
    },
  });
  await call('addItem', {
    sessionId: first.id,
    input: { kind: 'commitment', text: 'Block two hours of thinking time each week', howWillYouKnow: 'It is in the calendar' },
  });
  await call('endSession', { sessionId: first.id });
  const today = await call('startSession', { clientId: client.id });
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
