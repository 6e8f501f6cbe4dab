// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngagementView } from '@/lib/api/contract';
import { ok } from '@/lib/api/result';
import { EngagementReportButtons } from '@/components/engagement/EngagementReportButtons';
import { noOutcomes } from '@/lib/engagement/follow-through';
import { fakeEnv } from '../../helpers/fake-env';
import { aClient, aCommitment, aSession, anItem, NOW } from '../app/fixtures';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';

afterEach(cleanup);

/** Presses a button and lets its call to the API answer and render. */
async function press(name: string) {
  await act(async () => void fireEvent.click(screen.getByRole('button', { name })));
  await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
}

function view(): EngagementView {
  const client = aClient({
    id: 'c1',
    name: 'Ana Lima',
    goals: [{ id: 'g1', text: 'Lead with calm', measure: 'Survey up', status: 'achieved' }],
  });
  const session = aSession({ id: 's1', clientId: 'c1', status: 'ended', reflection: 'Coach-only reflection' });
  const shared = aCommitment(
    { id: 'i1', sessionId: 's1', text: 'Hand over the report', reviews: [{ status: 'partly', note: 'Private review note', at: NOW }] },
    { status: 'partly' },
  );
  const secret = aCommitment({ id: 'i2', sessionId: 's1', text: 'Private plan', shareable: false });
  return {
    client,
    engagement: {
      sessionsPlanned: 6,
      cadenceWeeks: 2,
      startedOn: '',
      plannedEnd: '',
      sponsor: '',
      confidentiality: '',
      notesKept: '',
      cancellation: '',
    },
    sessions: [{ session, made: 2, outcomes: { ...noOutcomes(), partly: 1, open: 1 }, goalText: null }],
    totals: { ...noOutcomes(), partly: 1, open: 1 },
    goals: [{ goal: client.goals[0]!, sessionIds: ['s1'] }],
    commitments: [shared, secret],
    insights: [anItem({ id: 'i3', sessionId: 's1', kind: 'insight', text: 'Trust grows by lending it', shareable: true })],
  };
}

describe('EngagementReportButtons', () => {
  it('downloads the coach version as Markdown, then the client version without anything coach-private', async () => {
    const env = fakeEnv({ api: { engagement: async () => ok(view()) } });
    renderWithEnv(env, <EngagementReportButtons clientId="c1" clientName="Ana Lima" />);
    await press('Download engagement report');
    expect(env.api.engagement).toHaveBeenCalledWith({ clientId: 'c1' });
    const [name, mime, coach] = vi.mocked(env.io.download).mock.calls[0]!;
    expect(name).toBe('ana-lima-2026-11-21-engagement.md');
    expect(mime).toBe('text/markdown;charset=utf-8');
    for (const text of [
      '**Lead with calm** — Achieved',
      'how we will know: Survey up',
      'Private plan',
      'Private review note',
      'Coach-only reflection',
    ])
      expect(coach).toContain(text);
    expect(screen.getByRole('status').textContent).toBe(
      'Engagement report (coach version) downloaded as ana-lima-2026-11-21-engagement.md.',
    );

    await act(async () => void fireEvent.click(screen.getByRole('switch', { name: 'Client version of the report' })));
    await press('Download engagement report');
    const [clientName, , client] = vi.mocked(env.io.download).mock.calls[1]!;
    expect(clientName).toBe('ana-lima-2026-11-21-engagement-client.md');
    expect(client).toContain('Hand over the report');
    expect(client).toContain('Trust grows by lending it');
    for (const text of ['Private plan', 'Private review note', 'Coach-only reflection']) expect(client).not.toContain(text);
    expect(await axeViolations()).toEqual([]);
  });

  it('prints through the summary’s print path: the report page under <body>, then the print dialog', async () => {
    const env = fakeEnv({ api: { engagement: async () => ok(view()) } });
    renderWithEnv(env, <EngagementReportButtons clientId="c1" clientName="Ana Lima" />);
    expect(document.querySelector('.hs-print-root')).toBeNull();
    await press('Print engagement report');
    const page = document.querySelector('body > .hs-print-root .hs-print');
    expect(page?.querySelector('h1')?.textContent).toBe('Coaching engagement: Ana Lima');
    expect(page?.textContent).toContain('Commitments made: 2. done 0, partly done 1');
    expect(page?.textContent).toContain('Private review note');
    expect(env.io.print).toHaveBeenCalledTimes(1);
    await act(async () => void fireEvent.click(screen.getByRole('switch', { name: 'Client version of the report' })));
    await press('Print engagement report');
    expect(env.io.print).toHaveBeenCalledTimes(2);
    expect(document.querySelector('.hs-print')?.textContent).not.toContain('Private review note');
    expect(document.querySelector('.hs-print')?.textContent).toContain('Client version');
  });
});
