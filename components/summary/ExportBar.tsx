import { useId, useState } from 'preact/hooks';
import { emailDraft } from '@/lib/export/email';
import { summaryFilename } from '@/lib/export/filenames';
import { calendarEventCount, datedCommitments, nextSessionDate, toIcs } from '@/lib/export/ics';
import { toSessionJson } from '@/lib/export/json';
import { toMarkdown } from '@/lib/export/markdown';
import type { SummaryDoc } from '@/lib/export/summary-model';
import { toPlainText } from '@/lib/export/text';
import { useEnv } from '../app/env';
import { usePrefs } from '../app/prefs';
import { Button } from '../ui/Button';

/**
 * The export actions. "Client version" applies to every format; the email draft is always the client
 * version, since it goes to the client. Outcomes are announced in a polite live region.
 */
export function ExportBar(props: {
  doc: SummaryDoc;
  clientDoc: SummaryDoc;
  clientEmail: string;
  clientVersion: boolean;
  onClientVersion(on: boolean): void;
  onPrint(): void;
}) {
  const { io, now } = useEnv();
  const { settings } = usePrefs();
  // An outcome names the version it was made from: switching versions retires it.
  const [outcome, setOutcome] = useState({ text: '', clientVersion: props.clientVersion });
  const message = outcome.clientVersion === props.clientVersion ? outcome.text : '';
  const setMessage = (text: string) => setOutcome({ text, clientVersion: props.clientVersion });
  const hintId = useId();
  const { doc } = props;
  const which = props.clientVersion ? 'client version' : 'coach version';
  const opts = { now };

  const copy = async (text: string, done: string) => {
    const copied = await io.copy(text);
    setMessage(copied ? done : 'The clipboard refused the copy. Try again, or use Download Markdown.');
  };

  const actions = {
    markdown: () => {
      const name = summaryFilename(doc, 'md');
      io.download(name, 'text/markdown;charset=utf-8', toMarkdown(doc, opts));
      setMessage(`Markdown (${which}) downloaded as ${name}.`);
    },
    copy: () => copy(toPlainText(doc, opts), `Copied the ${which}. Paste it anywhere.`),
    email: async () => {
      const draft = emailDraft(props.clientDoc, { ...opts, to: props.clientEmail, signOff: settings.emailSignOff });
      const name = props.clientDoc.client.name;
      if (draft.kind === 'mailto') {
        io.openUrl(draft.url);
        setMessage(`Email draft to ${name} opened (client version).`);
      } else if (draft.kind === 'too-long') {
        await copy(
          draft.body,
          `The summary is too long for an email link, so the client version was copied: paste it into a new email to ${draft.to}.`,
        );
      } else {
        await copy(draft.body, `No email address is saved for ${name}, so the client version was copied: paste it into an email.`);
      }
    },
    print: () => {
      props.onPrint();
      setMessage(`Print view (${which}) sent to the printer dialog. Choose “Save as PDF” there for a file.`);
    },
    calendar: () => {
      if (calendarEventCount(doc) === 0) {
        setMessage(
          `No commitment${props.clientVersion ? ' in the client version' : ''} has a due date and no next session is planned, so there is nothing for a calendar.`,
        );
        return;
      }
      const count = datedCommitments(doc).length;
      const parts = [
        count > 0 ? `${count} commitment${count === 1 ? '' : 's'}` : '',
        nextSessionDate(doc) ? 'the next session' : '',
      ].filter(Boolean);
      const name = summaryFilename(doc, 'ics');
      io.download(name, 'text/calendar;charset=utf-8', toIcs(doc, opts));
      setMessage(`Calendar file with ${parts.join(' and ')} downloaded as ${name}.`);
    },
    json: () => {
      const name = summaryFilename(doc, 'json');
      io.download(name, 'application/json', toSessionJson(doc, opts));
      setMessage(`JSON (${which}) downloaded as ${name}.`);
    },
  };

  return (
    <div class="summary-export" role="group" aria-label="Export">
      <label class="choice summary-export__switch">
        <input
          type="checkbox"
          role="switch"
          checked={props.clientVersion}
          aria-describedby={hintId}
          onChange={(e) => props.onClientVersion(e.currentTarget.checked)}
        />
        Client version
      </label>
      <p class="small muted" id={hintId}>
        {props.clientVersion
          ? 'Only what is marked shareable; notes, beliefs, questions asked and your reflection are left out.'
          : 'Coach version: everything, private notes included. The email draft is always the client version.'}
      </p>
      <div class="actions">
        <Button small onClick={actions.markdown}>
          Download Markdown
        </Button>
        <Button small onClick={() => void actions.copy()}>
          Copy summary
        </Button>
        <Button small onClick={() => void actions.email()}>
          Email draft
        </Button>
        <Button small onClick={actions.print}>
          Print
        </Button>
        <Button small onClick={actions.calendar}>
          Download calendar (.ics)
        </Button>
        <Button small onClick={actions.json}>
          Download JSON
        </Button>
      </div>
      <p class="summary-export__status small" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
