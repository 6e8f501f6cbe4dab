import { useLayoutEffect, useState } from 'preact/hooks';
import { createPortal } from 'preact/compat';
import { summaryHeader, summarySections, type Entry, type Field } from '@/lib/export/sections';
import type { SummaryDoc } from '@/lib/export/summary-model';

/**
 * The summary as a printed page (or a PDF, through the browser's print dialog). It is rendered straight
 * under <body>, hidden on screen; print CSS (summary.css) then hides everything else, so no app chrome is
 * printed. It renders the same sections as the Markdown and text exports. All text goes through Preact,
 * so it is text, never markup.
 */
export function PrintView(props: { doc: SummaryDoc }) {
  // Created during the first render, so the page is complete by the time the parent's effect prints.
  const [host] = useState(() => {
    const el = document.createElement('div');
    el.className = 'hs-print-root';
    el.setAttribute('aria-hidden', 'true');
    return el;
  });
  useLayoutEffect(() => {
    document.body.appendChild(host);
    return () => host.remove();
  }, [host]);
  const header = summaryHeader(props.doc);
  return createPortal(
    <article class="hs-print">
      <h1>{header.title}</h1>
      <p class="hs-print__meta">{header.meta.map((m) => `${m.label}${m.value}`).join(' · ')}</p>
      <p class="hs-print__version">{header.versionNote}</p>
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
          {s.entries.length > 0 && (
            <ul>
              {s.entries.map((e, n) => (
                <PrintEntry key={n} entry={e} />
              ))}
            </ul>
          )}
          {s.text && <p class="hs-print__text">{s.text}</p>}
        </section>
      ))}
    </article>,
    host,
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
