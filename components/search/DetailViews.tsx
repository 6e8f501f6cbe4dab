/** The read-only view of each kind of search result: a client, a session, a captured item, a question. */
import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SummaryView } from '../summary/SummaryView';
import type { SessionBundle } from '@/lib/api/contract';
import { ITEM_KIND_LABELS, STAGE_LABELS, type Id } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useLiveQuery, type LiveQuery } from '../hooks/useLiveQuery';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { formatDay } from '@/lib/model/dates';
import { DetailHeading } from './DetailHeading';
import type { DetailTarget } from './detailTarget';
import { ItemBody, Meta } from './ItemBody';
import { SessionRecord } from './SessionRecord';
import { UserText } from '@/components/ui/UserText';

function Loaded<T>(props: { query: LiveQuery<T>; what: string; children: (data: T) => VNode }) {
  const { data, loading, error, reload } = props.query;
  if (error) return <ErrorNote what={`The ${props.what} could not be opened.`} error={error} onRetry={reload} />;
  if (loading || data === undefined)
    return (
      <p class="muted" aria-busy="true">
        Opening the {props.what}…
      </p>
    );
  return props.children(data);
}

export function ClientDetail(props: { id: Id; onOpen(target: DetailTarget): void }) {
  const env = useEnv();
  const client = useLiveQuery(() => env.api.getClient({ id: props.id }), [props.id], ['clients']);
  const history = useLiveQuery(() => env.api.clientHistory({ clientId: props.id }), [props.id], ['session', 'contract', 'items']);
  const now = env.now();
  return (
    <Loaded query={client} what="client">
      {(c) => (
        <div class="stack">
          <DetailHeading>
            <UserText text={c.name} />
          </DetailHeading>
          {c.email && <p class="muted small">{c.email}</p>}
          {c.goals.length > 0 && (
            <div>
              <h3 class="sub-title">Coaching goals</h3>
              <ul class="plain-list">
                {c.goals.map((g) => (
                  <li key={g.id}>{g.text}</li>
                ))}
              </ul>
            </div>
          )}
          {c.notes && <p class="pre">{c.notes}</p>}
          <h3 class="sub-title">Sessions</h3>
          <Loaded query={history} what="history">
            {(rows) =>
              rows.length === 0 ? (
                <p class="muted">No sessions yet.</p>
              ) : (
                <ul class="plain-list">
                  {rows.map((r) => (
                    <li key={r.session.id}>
                      <Button variant="ghost" class="row-button" onClick={() => props.onOpen({ kind: 'session', id: r.session.id })}>
                        <span>{formatDay(r.session.startedAt, now)}</span>
                        <span class="row-button__main">{r.session.contract.topic || 'No topic'}</span>
                        <span class="muted small">
                          {r.itemCount} captured · {r.commitmentCount} {r.commitmentCount === 1 ? 'commitment' : 'commitments'}
                          {r.session.status === 'active' && ' · now'}
                        </span>
                      </Button>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </div>
      )}
    </Loaded>
  );
}

export function SessionDetail(props: { id: Id; /** The summary (editable) opened or closed. */ onSummary?(open: boolean): void }) {
  const env = useEnv();
  const bundle = useLiveQuery(
    () => env.api.getSessionBundle({ sessionId: props.id }),
    [props.id],
    ['session', 'contract', 'asked', 'reflection', 'items', 'reviews'],
  );
  // The same summary as after "End session": reopened here, it closes back to the record, on its button.
  const [summary, setSummary] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (summary || !closed.current) return;
    closed.current = false;
    // After the record's heading has taken focus as it does when it appears.
    setTimeout(() => openButton.current?.focus());
  });
  const close = () => {
    closed.current = true;
    setSummary(false);
    props.onSummary?.(false);
  };
  const open = () => {
    setSummary(true);
    props.onSummary?.(true);
  };
  if (summary) return <SummaryView sessionId={props.id} onClose={close} closeLabel="Back to the session" />;
  return (
    <Loaded query={bundle} what="session">
      {(b) => <SessionRecord bundle={b} now={env.now()} onOpenSummary={open} summaryButtonRef={openButton} />}
    </Loaded>
  );
}

export function ItemDetail(props: { id: Id; sessionId: Id | null; onOpen(target: DetailTarget): void }) {
  const env = useEnv();
  const sessionId = props.sessionId;
  const bundle = useLiveQuery<SessionBundle | null>(
    () => (sessionId ? env.api.getSessionBundle({ sessionId }) : Promise.resolve({ ok: true as const, value: null })),
    [sessionId],
    ['items', 'session'],
  );
  const now = env.now();
  return (
    <Loaded query={bundle} what="captured words">
      {(b) => {
        const item = b?.items.find((i) => i.id === props.id) ?? b?.reviewed.find((r) => r.item.id === props.id)?.item;
        if (!b || !item) return <p class="muted">This was deleted or moved.</p>;
        return (
          <div class="stack">
            <DetailHeading>{ITEM_KIND_LABELS[item.kind]}</DetailHeading>
            <ItemBody item={item} now={now} />
            <Button variant="secondary" small onClick={() => props.onOpen({ kind: 'session', id: b.session.id })}>
              Open the session with <UserText text={b.client.name} />, {formatDay(b.session.startedAt, now)}
            </Button>
          </div>
        );
      }}
    </Loaded>
  );
}

export function QuestionDetail(props: { id: Id }) {
  const env = useEnv();
  const questions = useLiveQuery(() => env.api.listQuestions({}), [], ['questions']);
  return (
    <Loaded query={questions} what="question">
      {(all) => {
        const q = all.find((x) => x.id === props.id);
        if (!q) return <p class="muted">This question was deleted.</p>;
        return (
          <div class="stack">
            <DetailHeading>Question</DetailHeading>
            <p class="question-text">{q.text}</p>
            <dl class="meta-list">
              <Meta term="Stage" value={STAGE_LABELS[q.stage]} />
              {q.tags.length > 0 && <Meta term="Tags" value={q.tags.join(', ')} />}
              <Meta term="Source" value={q.builtin ? 'Built-in deck' : 'Your own question'} />
              {q.favourite && <Meta term="Marked" value="Favourite" />}
            </dl>
          </div>
        );
      }}
    </Loaded>
  );
}
