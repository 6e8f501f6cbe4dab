// Seeds a demo client with a prior session, so the demo shows the product working (prior commitments,
// a running contract). Goes through the same typed API the views use, from an extension page.
/* global chrome -- the page.evaluate body runs on an extension page */
export async function seedDemo(page) {
  await page.evaluate(async () => {
    const call = async (method, args) => {
      const r = await chrome.runtime.sendMessage({ channel: 'holdspace/api', method, args, origin: 'demo-seed' });
      if (!r?.ok) throw new Error(`${method}: ${r?.error?.message ?? 'no answer'}`);
      return r.value;
    };
    if (await call('activeSession', {})) return;
    const client = await call('createClient', {
      input: { name: 'Jordan Rivera', email: 'jordan@example.com', goals: ['Step into the VP role with confidence'] },
    });
    const first = await call('startSession', { clientId: client.id, plannedMinutes: 60 });
    await call('updateContract', { sessionId: first.id, patch: { topic: 'Delegating to the new team leads', desiredOutcome: 'A plan for what to hand over first' } });
    await call('addItem', {
      sessionId: first.id,
      input: { kind: 'commitment', text: 'Hand the weekly report to Priya', due: '2026-11-18', howWillYouKnow: 'Priya sends the next report', support: 'A template' },
    });
    await call('addItem', { sessionId: first.id, input: { kind: 'commitment', text: 'Block two hours of thinking time each week', howWillYouKnow: 'It is in the calendar' } });
    await call('endSession', { sessionId: first.id });
    const today = await call('startSession', { clientId: client.id, plannedMinutes: 60 });
    await call('updateContract', {
      sessionId: today.id,
      patch: { topic: 'Speaking up in the leadership meeting', desiredOutcome: 'One sentence I will say on Monday', agreements: { confidentiality: true } },
    });
    await call('timer', { sessionId: today.id, action: { type: 'start' } });
  });
}
