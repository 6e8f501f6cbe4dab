/**
 * The engagement report, for a mid-point or closing review with the client or a sponsor: goals with their
 * status and measure, the sessions held with their topics, every commitment with its outcome, the
 * follow-through figures and the shareable insights. The client version leaves out everything coach-private,
 * as the session summary does: private commitments and insights, review notes, the coach's reflections.
 * What the client may see is decided once, in `buildEngagementReport`; the Markdown and the printed page
 * (components/engagement) both render its result. Pure: the clock and the time zone come in as options.
 */
import type { EngagementView } from '../api/contract';
import { goalMeasure, goalStatus, type GoalStatus } from '../model/client';
import { formatDueIso, isoDate, localZone } from '../model/dates';
import { REVIEW_STATUS_LABELS, type CommitmentStatus, type Millis } from '../model/types';
import { OUTCOMES, type OutcomeCounts } from '../engagement/follow-through';
import { oneLine } from './clean';
import { escapeMarkdownLine, markdownText } from './markdown';
import { exportedOn, type ExportOptions } from './options';

export interface ReportOptions extends ExportOptions {
  /** The client version: only what was marked shareable, no review notes or reflections. */
  client?: boolean;
}

export const GOAL_STATUS_WORDS: Record<GoalStatus, string> = { active: 'In progress', achieved: 'Achieved', dropped: 'Dropped' };

export interface ReportReview {
  /** `YYYY-MM-DD` */
  date: string;
  /** Recorded between sessions (from "Due this week"), not in a session. */
  between: boolean;
  statusLabel: string;
  note: string;
}

export interface ReportCommitment {
  text: string;
  /** `YYYY-MM-DD` or `YYYY-MM-DD HH:mm`, '' when none. */
  due: string;
  status: CommitmentStatus;
  statusLabel: string;
  /** Each review with its note: coach version only (empty in the client version). */
  reviews: ReportReview[];
}

export interface ReportSession {
  date: string;
  topic: string;
  desiredOutcome: string;
  commitments: ReportCommitment[];
  insights: string[];
  /** The coach's closing reflection ('' in the client version). */
  reflection: string;
}

export interface EngagementReportDoc {
  clientVersion: boolean;
  clientName: string;
  title: string;
  /** Label and value: sessions held (of planned), since, planned end, sponsor. */
  facts: { label: string; value: string }[];
  goals: { text: string; statusLabel: string; measure: string; sessions: number }[];
  made: number;
  totals: OutcomeCounts;
  /** The figures in words: "done 4, partly done 1, …". */
  figures: string;
  sessions: ReportSession[];
  /** The coach version's footer ('' in the client version). */
  footer: string;
}

/** "done 4, partly done 1, not done 0, …" in the order a coach reads outcomes. */
export function outcomeFigures(counts: Record<(typeof OUTCOMES)[number], number>): string {
  return OUTCOMES.map((k) => `${(k === 'open' ? 'Still open' : REVIEW_STATUS_LABELS[k]).toLowerCase()} ${counts[k]}`).join(', ');
}

export function buildEngagementReport(view: EngagementView, options: ReportOptions = {}): EngagementReportDoc {
  const zone = options.zone ?? localZone;
  const forClient = options.client === true;
  const { client, engagement } = view;
  const day = (at: Millis) => isoDate(at, zone);
  const commitments = view.commitments.filter((c) => !forClient || c.item.shareable);
  const insights = view.insights.filter((i) => !forClient || i.shareable);
  // The figures count what the report lists: the client version's leave out private commitments.
  const totals = Object.fromEntries(OUTCOMES.map((k) => [k, commitments.filter((c) => c.status === k).length])) as OutcomeCounts;
  const held = view.sessions.filter((s) => s.session.status === 'ended').length;
  const first = view.sessions[0]?.session.startedAt;
  const facts = [
    { label: 'Sessions held', value: `${held}${engagement.sessionsPlanned ? ` of ${engagement.sessionsPlanned} planned` : ''}` },
    ...(first === undefined ? [] : [{ label: 'Since', value: day(first) }]),
    ...(engagement.plannedEnd ? [{ label: 'Planned end', value: engagement.plannedEnd }] : []),
    ...(engagement.sponsor.trim() ? [{ label: 'Sponsor', value: oneLine(engagement.sponsor) }] : []),
  ];
  return {
    clientVersion: forClient,
    clientName: client.name,
    title: `Coaching engagement: ${client.name}`,
    facts,
    goals: view.goals.map(({ goal, sessionIds }) => ({
      text: goal.text,
      statusLabel: GOAL_STATUS_WORDS[goalStatus(goal)],
      measure: goalMeasure(goal),
      sessions: sessionIds.length,
    })),
    made: commitments.length,
    totals,
    figures: outcomeFigures(totals),
    sessions: view.sessions.map(({ session }) => ({
      date: day(session.startedAt),
      topic: session.contract.topic.trim() || 'Session',
      desiredOutcome: session.contract.desiredOutcome.trim(),
      commitments: commitments
        .filter((c) => c.item.sessionId === session.id)
        .map((c) => ({
          text: c.item.text,
          due: c.item.due ? formatDueIso(c.item.due) : '',
          status: c.status,
          statusLabel: REVIEW_STATUS_LABELS[c.status],
          reviews: forClient
            ? []
            : c.item.reviews.map((r) => ({
                date: day(r.at),
                between: r.sessionId === undefined,
                statusLabel: REVIEW_STATUS_LABELS[r.status],
                note: r.note.trim(),
              })),
        })),
      insights: insights.filter((i) => i.sessionId === session.id).map((i) => i.text),
      reflection: forClient ? '' : session.reflection.trim(),
    })),
    footer: forClient ? '' : exportedOn(options),
  };
}

const line = (text: string) => escapeMarkdownLine(oneLine(text));

export function engagementReportMarkdown(doc: EngagementReportDoc): string {
  const out: string[] = [`# ${line(doc.title)}`, ''];
  out.push(doc.facts.map((f) => `**${f.label}** ${line(f.value)}`).join(' · '), '');

  out.push('## Goals', '');
  if (doc.goals.length === 0) out.push('No engagement goals recorded.');
  for (const goal of doc.goals) {
    const worked = goal.sessions ? ` (worked on in ${goal.sessions} session${goal.sessions === 1 ? '' : 's'})` : '';
    out.push(`- **${line(goal.text)}** — ${goal.statusLabel}${worked}${goal.measure ? ` — how we will know: ${line(goal.measure)}` : ''}`);
  }
  out.push('');

  out.push('## Follow-through', '');
  out.push(`Commitments made: ${doc.made}. ${doc.figures}.`, '');

  out.push('## Sessions', '');
  if (doc.sessions.length === 0) out.push('No sessions yet.', '');
  for (const s of doc.sessions) {
    out.push(`### ${s.date} — ${line(s.topic)}`, '');
    if (s.desiredOutcome) out.push(`**Desired outcome** ${markdownText(s.desiredOutcome)}`, '');
    for (const c of s.commitments) {
      out.push(
        `- ${c.status === 'done' ? '[x]' : '[ ]'} ${markdownText(c.text, '      ')}${c.due ? ` — by ${c.due}` : ''} — ${c.statusLabel}`,
      );
      for (const r of c.reviews) {
        const when = `${r.date}${r.between ? ' (between sessions)' : ''}`;
        out.push(`      - Reviewed ${when}: ${r.statusLabel}${r.note ? ` — ${markdownText(r.note, '        ')}` : ''}`);
      }
    }
    for (const text of s.insights) out.push(`- Insight: ${markdownText(text, '  ')}`);
    if (s.reflection) out.push('', `*Coach’s reflection:* ${markdownText(s.reflection)}`);
    out.push('');
  }
  if (doc.footer) out.push('---', '', doc.footer, '');
  return out.join('\n');
}

export function toEngagementReport(view: EngagementView, options: ReportOptions = {}): string {
  return engagementReportMarkdown(buildEngagementReport(view, options));
}
