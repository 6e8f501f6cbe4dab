import type { Engagement } from '@/lib/model/client';
import { FOCUS_TARGET } from '../app/focusWork';
import { AgreementField } from './AgreementField';

/**
 * The engagement agreement (ICF: "establishes and maintains agreements" for the engagement as a whole): the
 * plan — sessions, cadence, start and planned end — then who else is involved and the terms agreed.
 * Every field saves itself as the coach types.
 */
export function AgreementForm(props: { clientId: string; engagement: Engagement }) {
  const e = props.engagement;
  const common = { clientId: props.clientId };
  return (
    <form class="agreement" aria-labelledby="agreement-title" onSubmit={(ev) => ev.preventDefault()}>
      <h3 class="sub-title" id="agreement-title">
        Agreement
      </h3>
      {/* Where focus lands when the engagement opens: the first part of the plan still missing. */}
      <div class="agreement__plan" {...{ [FOCUS_TARGET]: 'empty' }}>
        <AgreementField
          {...common}
          field="sessionsPlanned"
          label="Sessions planned"
          kind="count"
          unit="sessions"
          value={e.sessionsPlanned}
        />
        <AgreementField {...common} field="cadenceWeeks" label="Every how many weeks" kind="count" unit="weeks" value={e.cadenceWeeks} />
        <AgreementField {...common} field="startedOn" label="Start" kind="day" yearless="nearest" value={e.startedOn} />
        <AgreementField {...common} field="plannedEnd" label="Planned end" kind="day" value={e.plannedEnd} />
      </div>
      <AgreementField {...common} field="sponsor" label="Sponsor or organisation (optional)" kind="text" value={e.sponsor} />
      <AgreementField
        {...common}
        field="confidentiality"
        label="Confidentiality"
        prompt="What stays between you, and what a sponsor hears."
        kind="multiline"
        value={e.confidentiality}
      />
      <AgreementField
        {...common}
        field="notesKept"
        label="Notes kept"
        prompt="Whether you keep notes, what, and for how long."
        kind="multiline"
        value={e.notesKept}
      />
      <AgreementField
        {...common}
        field="cancellation"
        label="Cancellation"
        prompt="Notice needed to move or cancel a session."
        kind="multiline"
        value={e.cancellation}
      />
    </form>
  );
}
