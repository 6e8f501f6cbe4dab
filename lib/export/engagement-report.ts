/**
 * The engagement report, for a mid-point or closing review with the client or a sponsor: goals with their
 * status and measure, the sessions held with their topics, every commitment with its outcome, the
 * follow-through figures and the shareable insights. The client version leaves out everything coach-private,
 * as the session summary does. Pure: the clock and the time zone come in as options.
 */
import type { EngagementView } from '../api/contract';
import { goalMeasure, goalStatus } from '../model/client';
import { formatDueIso, isoDate, localZone } from '../model/dates';
import { REVIEW_STATUS_LABELS } from '../model/types';
import { OUTCOMES } from '../engagement/follow-through';
import { oneLine } from './clean';
import { escapeMarkdownLine, markdownText } from './markdown';
import { exportedOn, type ExportOptions } from './options';

export interface ReportOptions extends ExportOptions {
  /** The client version: only what was marked shareable, no coach notes or reflections. */
  client?: boolean;
}

const line = (text: string) => escapeMarkdownLine(oneLine(text));
const GOAL_STATUS_WORDS = { active: 'In progress', achieved: 'Achieved', dropped: 'Dropped' } as const;

/** "Done 4, partly 1, not done 0, …" in the order a coach reads outcomes. */
export function outcomeFigures(counts: Record<(typeof OUTCOMES)[number], number>): string {
  return OUTCOMES.map((k) => `${(k === 'open' ? 'Still open' : REVIEW_STATUS_LABELS[k]).toLowerCase()} ${counts[k]}`).join(', ');
}

export function toEngagementReport(view: EngagementView, options: ReportOptions = {}): string {
  const zone = options.zone ?? localZone;
  const forClient = options.client === true;
  const { client, engagement } = view;
  const commitments = view.commitments.filter((c) => !forClient || c.item.shareable);
  const insights = view.insights.filter((i) => !forClient || i.shareable);
  const made = view.sessions.reduce((n, s) => n + s.made, 0);
  const held = view.sessions.filter((s) => s.session.status === 'ended').length;

  const out: string[] = [`# ${line(`Coaching engagement: ${client.name}`)}`, ''];
  const facts = [
    `**Sessions held** ${held}${engagement.sessionsPlanned ? ` of ${engagement.sessionsPlanned} planned` : ''}`,
    view.sessions[0] && `**Since** ${isoDate(view.sessions[0].session.startedAt, zone)}`,
    engagement.plannedEnd && `**Planned end** ${engagement.plannedEnd}`,
    engagement.sponsor && `**Sponsor** ${line(engagement.sponsor)}`,
  ].filter(Boolean);
  out.push(facts.join(' · '), '');

  out.push('## Goals', '');
  if (client.goals.length === 0) out.push('No engagement goals recorded.');
  for (const { goal, sessionIds } of view.goals) {
    const measure = goalMeasure(goal);
    const worked = sessionIds.length ? ` (worked on in ${sessionIds.length} session${sessionIds.length === 1 ? '' : 's'})` : '';
    out.push(
      `- **${line(goal.text)}** — ${GOAL_STATUS_WORDS[goalStatus(goal)]}${worked}${measure ? ` — how we will know: ${line(measure)}` : ''}`,
    );
  }
  out.push('');

  out.push('## Follow-through', '');
  out.push(`Commitments made: ${made}. ${outcomeFigures(view.totals)}.`, '');

  out.push('## Sessions', '');
  for (const row of view.sessions) {
    const { session } = row;
    const topic = session.contract.topic.trim() || 'Session';
    out.push(`### ${isoDate(session.startedAt, zone)} — ${line(topic)}`, '');
    if (session.contract.desiredOutcome.trim()) out.push(`**Desired outcome** ${markdownText(session.contract.desiredOutcome)}`, '');
    const mine = commitments.filter((c) => c.item.sessionId === session.id);
    for (const c of mine) {
      const due = c.item.due ? ` — by ${formatDueIso(c.item.due)}` : '';
      out.push(`- ${c.status === 'done' ? '[x]' : '[ ]'} ${markdownText(c.item.text, '      ')}${due} — ${REVIEW_STATUS_LABELS[c.status]}`);
    }
    const learned = insights.filter((i) => i.sessionId === session.id);
    for (const i of learned) out.push(`- Insight: ${markdownText(i.text, '  ')}`);
    if (!forClient && session.reflection.trim()) out.push('', `*Coach’s reflection:* ${markdownText(session.reflection)}`);
    out.push('');
  }
  if (!forClient) out.push('---', '', exportedOn(options), '');
  return out.join('\n');
}
