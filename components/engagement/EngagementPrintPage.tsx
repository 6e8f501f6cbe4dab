import type { EngagementReportDoc } from '@/lib/export/engagement-report';

/** The engagement report as a printed page: the same document as the Markdown, text only, in the summary's print styles. */
export function EngagementPrintPage(props: { doc: EngagementReportDoc }) {
  const { doc } = props;
  return (
    <article class="hs-print">
      <h1>{doc.title}</h1>
      <p class="hs-print__meta">{doc.facts.map((f) => `${f.label} ${f.value}`).join(' · ')}</p>
      {doc.clientVersion && <p class="hs-print__version">Client version</p>}
      <section class="hs-print__section">
        <h2>Goals</h2>
        {doc.goals.length === 0 ? (
          <p>No engagement goals recorded.</p>
        ) : (
          <ul>
            {doc.goals.map((g, n) => (
              <li key={n}>
                <strong class="hs-print__text">{g.text}</strong> — {g.statusLabel}
                {g.sessions > 0 && ` (worked on in ${g.sessions} session${g.sessions === 1 ? '' : 's'})`}
                {g.measure && <span class="hs-print__detail"> — how we will know: {g.measure}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="hs-print__section">
        <h2>Follow-through</h2>
        <p>
          Commitments made: {doc.made}. {doc.figures}.
        </p>
      </section>
      <section class="hs-print__section">
        <h2>Sessions</h2>
        {doc.sessions.length === 0 && <p>No sessions yet.</p>}
        {doc.sessions.map((s, n) => (
          <div key={n} class="hs-print__session">
            <h3>
              {s.date} — {s.topic}
            </h3>
            {s.desiredOutcome && (
              <p class="hs-print__text">
                <strong>Desired outcome</strong> {s.desiredOutcome}
              </p>
            )}
            <ul>
              {s.commitments.map((c, k) => (
                <li key={`c${k}`} class="hs-print__check">
                  <span class="hs-print__text">
                    {c.status === 'done' ? '☑ ' : '☐ '}
                    {c.text}
                  </span>
                  {c.due && <span class="hs-print__detail"> — by {c.due}</span>}
                  <span class="hs-print__detail"> — {c.statusLabel}</span>
                  {c.reviews.length > 0 && (
                    <ul>
                      {c.reviews.map((r, j) => (
                        <li key={j}>
                          Reviewed {r.date}
                          {r.between ? ' (between sessions)' : ''}: {r.statusLabel}
                          {r.note && <span class="hs-print__text"> — {r.note}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
              {s.insights.map((text, k) => (
                <li key={`i${k}`}>
                  <span class="hs-print__text">Insight: {text}</span>
                </li>
              ))}
            </ul>
            {s.reflection && (
              <p class="hs-print__text">
                <em>Coach’s reflection:</em> {s.reflection}
              </p>
            )}
          </div>
        ))}
      </section>
      {doc.footer && <p class="hs-print__meta">{doc.footer}</p>}
    </article>
  );
}
