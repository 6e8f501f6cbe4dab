import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildSummary, type SummaryDoc } from '@/lib/export/summary-model';
import { summarySections } from '@/lib/export/sections';
import { ITEM_KIND_LABELS, type Item, type ItemKind } from '@/lib/model/types';
import { nextSessionOf } from '@/lib/model/session';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { ExportBar } from './ExportBar';
import { PrintView } from './PrintView';
import { NextSessionField } from './NextSessionField';
import { ReflectionField } from './ReflectionField';
import { SummaryItemRow, type RowEdit } from './SummaryItemRow';
import { useSummaryData } from './useSummaryData';
import './summary.css';
import { UserText } from '@/components/ui/UserText';

const GROUPS: { kind: ItemKind; title: string }[] = [
  { kind: 'commitment', title: 'New commitments' },
  { kind: 'insight', title: 'Insights' },
  { kind: 'inquiry', title: 'Inquiries to take away' },
  { kind: 'note', title: 'Notes (coach-private)' },
  { kind: 'belief', title: 'Beliefs (coach-private)' },
];
const ALWAYS_PRIVATE: ReadonlySet<ItemKind> = new Set(['note', 'belief']);

/**
 * The session summary, one component for the session just ended and any past one reopened (from the
 * client's history or from search): the closing reflection, the next session and the exports first, then
 * everything captured, each item's wording and date editable and shareable-or-private — all autosaved.
 */
export function SummaryView(props: { sessionId: string; onClose(): void; closeLabel?: string }) {
  const env = useEnv();
  const headingId = useId();
  const data = useSummaryData(props.sessionId);
  const [clientVersion, setClientVersion] = useState(false);
  const [printRequests, setPrintRequests] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const { bundle } = data;
  // Opened after "End session" or from history: the coach's focus moves here.
  useLayoutEffect(() => heading.current?.focus(), []); // in the commit that shows it: no key typed after lands elsewhere
  const docs = useMemo(
    () =>
      bundle && {
        coach: buildSummary(bundle, { clientVersion: false, now: env.now }),
        client: buildSummary(bundle, { clientVersion: true, now: env.now }),
      },
    [bundle, env.now],
  );
  useEffect(() => {
    if (printRequests > 0) env.io.print();
  }, [printRequests]);

  return (
    <section class="summary" aria-labelledby={headingId}>
      <div class="summary__bar">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          Session summary
        </h2>
        <Button variant="ghost" small icon="close" onClick={props.onClose}>
          {props.closeLabel ?? 'Close summary'}
        </Button>
      </div>
      {data.error && !bundle && <ErrorNote what="The summary could not be loaded." error={data.error} onRetry={data.reload} />}
      {!bundle && !data.error && <p class="muted">Loading the session summary…</p>}
      {bundle && docs && (
        <>
          <SummaryHead doc={docs.coach} running={bundle.session.status === 'active'} />
          {/* What the coach does after the call comes first: reflect, plan the next session, send. */}
          <ReflectionField
            sessionId={props.sessionId}
            initial={bundle.session.reflection}
            stored={data.storedReflection ?? bundle.session.reflection}
            onChange={data.setReflection}
          />
          <NextSessionField sessionId={props.sessionId} value={nextSessionOf(bundle.session)} onChange={data.setNextSession} />
          <ExportBar
            doc={clientVersion ? docs.client : docs.coach}
            clientDoc={docs.client}
            clientEmail={bundle.client.email}
            clientVersion={clientVersion}
            onClientVersion={setClientVersion}
            onPrint={() => setPrintRequests((n) => n + 1)}
          />
          <ContractBlock doc={docs.coach} />
          <ItemGroup
            title="Prior commitments reviewed"
            items={bundle.reviewed.map((v) => v.item)}
            labelPrefix="Prior commitment"
            status={(item) => {
              const r = docs.coach.reviewed.find((x) => x.id === item.id);
              return r ? `New status: ${r.statusLabel}${r.note ? ` — ${r.note}` : ''}` : undefined;
            }}
            clientVersion={clientVersion}
            onEdit={data.editItem}
          />
          {GROUPS.map((g) => (
            <ItemGroup
              key={g.kind}
              title={g.title}
              items={bundle.items.filter((i) => i.kind === g.kind).sort((a, b) => a.order - b.order)}
              labelPrefix={ITEM_KIND_LABELS[g.kind]}
              alwaysPrivate={ALWAYS_PRIVATE.has(g.kind)}
              clientVersion={clientVersion}
              onEdit={data.editItem}
            />
          ))}
          {bundle.items.length === 0 && <p class="muted">Nothing was captured in this session.</p>}
          <QuestionsAsked doc={docs.coach} />
          {printRequests > 0 && <PrintView doc={clientVersion ? docs.client : docs.coach} />}
        </>
      )}
    </section>
  );
}

function SummaryHead(props: { doc: SummaryDoc; running: boolean }) {
  const { doc } = props;
  return (
    <div class="summary__head">
      <p class="summary__client">
        <UserText text={doc.client.name} />
      </p>
      <p class="small muted">
        {doc.date} · {doc.time}
        {doc.durationMinutes !== null && ` · ${doc.durationMinutes} min`}
        {props.running && ' · still running'}
      </p>
    </div>
  );
}

function ContractBlock(props: { doc: SummaryDoc }) {
  const contract = summarySections(props.doc).find((s) => s.key === 'contract');
  return (
    <div class="summary__group">
      <h3>Contract</h3>
      {contract ? (
        <dl class="meta-list">
          {contract.fields.map((f) => (
            <div class="meta-list__row" key={f.label}>
              <dt>{f.label.replace(/:\s*$/, '')}</dt>
              <dd class="summary__pre">{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="muted small">No contract was recorded.</p>
      )}
    </div>
  );
}

function ItemGroup(props: {
  title: string;
  items: Item[];
  labelPrefix: string;
  alwaysPrivate?: boolean;
  status?: (item: Item) => string | undefined;
  clientVersion: boolean;
  onEdit(id: string, edit: RowEdit): void;
}) {
  if (props.items.length === 0) return null;
  return (
    <div class="summary__group">
      <h3>{props.title}</h3>
      <ul class="plain-list summary__list">
        {props.items.map((item, n) => (
          <SummaryItemRow
            key={item.id}
            item={item}
            label={`${props.labelPrefix} ${n + 1}`}
            status={props.status?.(item)}
            alwaysPrivate={props.alwaysPrivate}
            clientVersion={props.clientVersion}
            onEdit={(edit) => props.onEdit(item.id, edit)}
          />
        ))}
      </ul>
    </div>
  );
}

function QuestionsAsked(props: { doc: SummaryDoc }) {
  if (props.doc.questions.length === 0) return null;
  return (
    <div class="summary__group">
      <h3>Questions asked</h3>
      <ol class="summary__questions">
        {props.doc.questions.map((q, n) => (
          <li key={n}>
            {q.text}
            {q.stageLabel && <span class="muted small"> · {q.stageLabel}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
