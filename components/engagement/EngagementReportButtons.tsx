import { useEffect, useId, useState } from 'preact/hooks';
import { buildEngagementReport, engagementReportMarkdown, type EngagementReportDoc } from '@/lib/export/engagement-report';
import { engagementReportFilename } from '@/lib/export/filenames';
import type { Id } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { PrintRoot } from '../summary/PrintView';
import { Button } from '../ui/Button';
import { EngagementPrintPage } from './EngagementPrintPage';
import '../summary/summary.css';

/**
 * The engagement report for one client, for a mid-point or closing review: "Download engagement report"
 * (Markdown) and "Print engagement report" (the summary's print path, so "Save as PDF" makes a file), each
 * as the coach version or, with "Client version of the report" on, the client version. Read fresh from the
 * store on each press; outcomes are announced in a polite live region.
 */
export function EngagementReportButtons(props: { clientId: Id; clientName: string }) {
  const env = useEnv();
  const hintId = useId();
  const [clientVersion, setClientVersion] = useState(false);
  const [message, setMessage] = useState('');
  const [print, setPrint] = useState<{ doc: EngagementReportDoc; seq: number } | null>(null);
  const which = clientVersion ? 'client version' : 'coach version';

  useEffect(() => {
    if (print) env.io.print();
  }, [print, env.io]);

  const report = async (): Promise<EngagementReportDoc | null> => {
    const view = await env.api.engagement({ clientId: props.clientId });
    if (!view.ok) {
      setMessage(`The engagement report could not be made: ${view.error.message}`);
      return null;
    }
    return buildEngagementReport(view.value, { client: clientVersion, now: env.now });
  };
  const download = async () => {
    const doc = await report();
    if (!doc) return;
    const name = engagementReportFilename(props.clientName, env.now(), clientVersion);
    env.io.download(name, 'text/markdown;charset=utf-8', engagementReportMarkdown(doc));
    setMessage(`Engagement report (${which}) downloaded as ${name}.`);
  };
  const printReport = async () => {
    const doc = await report();
    if (!doc) return;
    setPrint((p) => ({ doc, seq: (p?.seq ?? 0) + 1 }));
    setMessage(`Engagement report (${which}) sent to the printer dialog. Choose “Save as PDF” there for a file.`);
  };

  return (
    <div class="report-buttons" role="group" aria-label="Engagement report">
      <label class="choice">
        <input
          type="checkbox"
          role="switch"
          checked={clientVersion}
          aria-describedby={hintId}
          onChange={(e) => {
            setClientVersion(e.currentTarget.checked);
            setMessage('');
          }}
        />
        Client version of the report
      </label>
      <p class="small muted" id={hintId}>
        {clientVersion
          ? 'Only what is marked shareable; review notes and your reflections are left out.'
          : 'Coach version: everything, review notes and your reflections included.'}
      </p>
      <div class="actions">
        <Button small onClick={() => void download()}>
          Download engagement report
        </Button>
        <Button small onClick={() => void printReport()}>
          Print engagement report
        </Button>
      </div>
      <p class="small" role="status" aria-live="polite">
        {message}
      </p>
      {print && <PrintRoot page={<EngagementPrintPage doc={print.doc} />} />}
    </div>
  );
}
