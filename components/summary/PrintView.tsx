import { render, type VNode } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { summaryHeader, summarySections, type Entry, type Field } from '@/lib/export/sections';
import type { SummaryDoc, SummaryItem } from '@/lib/export/summary-model';
import { formatDueIso } from '@/lib/model/dates';

/**
 * The summary as a printed page (or a PDF, through the browser's print dialog). It is rendered into its
 * own element straight under <body>, a separate Preact root updated in a layout effect, so the page is
 * complete before the parent's effect starts printing. Hidden on screen; print CSS (summary.css) hides
 * everything else, so no app chrome is printed. It renders the same sections as the Markdown and text
 * exports, and all text goes through Preact: text, never markup.
 */
export function PrintView(props: { doc: SummaryDoc }) {
  return <PrintRoot page={<PrintPage doc={props.doc} />} />;
}

/**
 * The one print path: `page` rendered into `.hs-print-root` under <body> (hidden on screen; the print CSS in
 * summary.css shows only it). The session summary and the engagement report both print through it.
 */
export function PrintRoot(props: { page: VNode }) {
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.className = 'hs-print-root';
    el.setAttribute('aria-hidden', 'true');
    return el;
  });
  useLayoutEffect(() => {
    document.body.appendChild(host);
    return () => {
      render(null, host);
      host.remove();
    };
  }, [host]);
  useLayoutEffect(() => render(props.page, host), [props.page, host]);
  return null;
}

function PrintPage(props: { doc: SummaryDoc }) {
  const header = summaryHeader(props.doc);
  return (
    <article class="hs-print">
      <h1>{header.title}</h1>
      <p class="hs-print__meta">{header.meta.map((m) => `${m.label}${m.value}`).join(' · ')}</p>
      {header.versionNote && <p class="hs-print__version">{header.versionNote}</p>}
      {summarySections(props.doc).map((s) => (
        <section key={s.key} class="hs-print__section">
          <h2>{s.title}</h2>
          {s.fields.length > 0 && (
            <dl>
              {s.fields.map((f) => (
                <PrintField key={f.label} field={f} />
              ))}
            </dl>
          )}
          {s.key === 'commitments' ? (
            <CommitmentTable items={props.doc.commitments} />
          ) : (
            s.entries.length > 0 && (
              <ul>
                {s.entries.map((e, n) => (
                  <PrintEntry key={n} entry={e} />
                ))}
              </ul>
            )
          )}
          {s.text && <p class="hs-print__text">{s.text}</p>}
        </section>
      ))}
    </article>
  );
}

/** New commitments as a table: what, by when, how we'll know, support. */
export function CommitmentTable(props: { items: SummaryItem[] }) {
  return (
    <table class="hs-print__table">
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">By when</th>
          <th scope="col">How we'll know</th>
          <th scope="col">Support</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((i) => (
          <tr key={i.id}>
            <td class="hs-print__text">{i.text}</td>
            <td>{formatDueIso(i.due)}</td>
            <td class="hs-print__text">{i.howWillYouKnow}</td>
            <td class="hs-print__text">{i.support}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PrintField(props: { field: Field }) {
  return (
    <div class="hs-print__field">
      <dt>{props.field.label.trim()}</dt>
      <dd>{props.field.value}</dd>
    </div>
  );
}

function PrintEntry(props: { entry: Entry }) {
  const { entry } = props;
  const box = entry.check === null ? '' : entry.check === 'done' ? '☑ ' : '☐ ';
  return (
    <li class={entry.check ? 'hs-print__check' : undefined}>
      <span class="hs-print__text">
        {box}
        {entry.text}
      </span>
      {entry.details.map((d) => (
        <span key={d.label} class="hs-print__detail">
          {' — '}
          {d.label}
          {d.value}
        </span>
      ))}
    </li>
  );
}
