import { useEffect, useId, useState } from 'preact/hooks';
import { formatDay } from '@/lib/model/dates';
import { CARRIED_AGREEMENTS } from '@/lib/model/session';
import type { Agreements, Focus, Session } from '@/lib/model/types';
import { goalStatus, type EngagementGoal } from '@/lib/model/client';

type CarriedAgreement = (typeof CARRIED_AGREEMENTS)[number];
import { ErrorNote } from '../ui/ErrorNote';
import { AGREEMENTS_PROMPT, FOCUS_PROMPT } from './prompts';
import { useContractWrite } from './useContractWrite';

const FOCUS_OPTIONS: { value: Exclude<Focus, ''>; label: string }[] = [
  { value: 'in-session', label: 'In-session work' },
  { value: 'out-of-session', label: 'Out-of-session work' },
  { value: 'both', label: 'Both' },
];

const AGREEMENTS: { key: keyof Agreements; label: string }[] = [
  { key: 'confidentiality', label: 'Confidentiality agreed' },
  { key: 'recordingConsent', label: 'Recording consent' },
  { key: 'permissionToOffer', label: 'Permission to offer ideas' },
];

/** The session's engagement goal, its focus and the agreements, saved the moment they change. */
export function ContractChoices(props: { session: Session; goals?: EngagementGoal[]; onSaved(session: Session): void }) {
  const { contract } = props.session;
  const ids = useId();
  const writer = useContractWrite(props.session.id, props.onSaved);
  // Shown at once; the stored value replaces it when it comes back (or stays put after a failure).
  const [focus, setFocus] = useState<Focus>(contract.focus);
  const [agreements, setAgreements] = useState<Agreements>(contract.agreements);
  const [goalId, setGoalId] = useState<string | null>(contract.goalId);
  useEffect(() => setFocus(contract.focus), [contract.focus]);
  useEffect(() => setGoalId(contract.goalId), [contract.goalId]);
  // The active goals, and the linked one whatever its status (a session stays linked to a goal achieved since).
  const goals = (props.goals ?? []).filter((g) => goalStatus(g) === 'active' || g.id === goalId);
  useEffect(
    () => setAgreements(contract.agreements),
    [contract.agreements.confidentiality, contract.agreements.recordingConsent, contract.agreements.permissionToOffer],
  );

  /** When a carried agreement was first agreed (it may be an earlier session's date). */
  const agreedOn = (key: keyof Agreements): string | null => {
    const at = (CARRIED_AGREEMENTS as readonly string[]).includes(key) ? contract.agreedAt?.[key as CarriedAgreement] : undefined;
    return at === undefined ? null : formatDay(at, props.session.startedAt);
  };

  return (
    <div class="choices">
      {goals.length > 0 && (
        <div class="field">
          <div class="field__head">
            <label class="field__label" for={`${ids}-goal`}>
              Engagement goal
            </label>
          </div>
          <p class="field__prompt" id={`${ids}-goal-prompt`}>
            Which of the engagement's goals does today's topic serve?
          </p>
          <select
            id={`${ids}-goal`}
            class="input"
            aria-describedby={`${ids}-goal-prompt`}
            value={goalId ?? ''}
            onChange={(e) => {
              const next = e.currentTarget.value || null;
              setGoalId(next);
              void writer.write({ goalId: next }, 'The engagement goal was not saved.');
            }}
          >
            <option value="">No goal linked</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.text}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset class="fieldset" aria-describedby={`${ids}-focus`}>
        <legend class="field__label">Focus</legend>
        <p class="field__prompt" id={`${ids}-focus`}>
          {FOCUS_PROMPT}
        </p>
        <div class="choice-row">
          {FOCUS_OPTIONS.map((o) => (
            <label key={o.value} class="choice">
              <input
                type="radio"
                name={`${ids}-focus-radio`}
                value={o.value}
                checked={focus === o.value}
                onChange={() => {
                  setFocus(o.value);
                  void writer.write({ focus: o.value }, 'The focus was not saved.');
                }}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="fieldset" aria-describedby={`${ids}-agree`}>
        <legend class="field__label">Agreements</legend>
        <p class="field__prompt" id={`${ids}-agree`}>
          {AGREEMENTS_PROMPT}
        </p>
        <div class="choice-col">
          {AGREEMENTS.map((a) => {
            const on = agreements[a.key] ? agreedOn(a.key) : null;
            return (
              <div key={a.key} class="choice-line">
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={agreements[a.key]}
                    aria-describedby={on ? `${ids}-${a.key}-on` : undefined}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      setAgreements((prev) => ({ ...prev, [a.key]: checked }));
                      void writer.write({ agreements: { [a.key]: checked } }, `${a.label} was not saved.`);
                    }}
                  />
                  <span>{a.label}</span>
                </label>
                {on && (
                  <span class="muted small" id={`${ids}-${a.key}-on`}>
                    agreed {on}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      {writer.failure && <ErrorNote what={writer.failure.what} error={writer.failure.error} onRetry={writer.retry} />}
    </div>
  );
}
