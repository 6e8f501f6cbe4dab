import { useEffect, useId, useState } from 'preact/hooks';
import type { PhasePlan } from '@/lib/model/types';
import type { Settings, Theme } from '@/lib/settings/settings';
import { LIMITS } from '@/lib/model/limits';
import { PHASE_LABELS, PHASE_ORDER } from '@/lib/timer/timer';
import { NumberSetting } from './NumberSetting';
import { SettingsSection } from './SettingsSection';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Defaults for new sessions and how Holdspace looks. Each change is saved at once. */
export function DefaultsSection(props: { settings: Settings; onSave(patch: Partial<Settings>): void }) {
  const { settings, onSave } = props;
  const themeId = useId();
  return (
    <SettingsSection title="Session defaults">
      <div class="settings__grid">
        <NumberSetting
          label="Default session length (minutes)"
          value={settings.defaultLengthMinutes}
          min={LIMITS.sessionMinutes.min}
          max={LIMITS.sessionMinutes.max}
          unit="minutes"
          onSave={(v) => onSave({ defaultLengthMinutes: v })}
        />
        <NumberSetting
          label="Wrap-up warning (minutes before the end)"
          value={settings.warningMinutes}
          min={0}
          max={60}
          unit="minutes"
          onSave={(v) => onSave({ warningMinutes: v })}
        />
      </div>
      <PhaseSplit phases={settings.phases} onSave={(phases) => onSave({ phases })} />
      <div class="field">
        <label class="field__label" for={themeId}>
          Theme
        </label>
        <select id={themeId} class="select" value={settings.theme} onChange={(e) => onSave({ theme: e.currentTarget.value as Theme })}>
          {THEMES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      <label class="choice">
        <input
          type="checkbox"
          checked={settings.showShortcutHints}
          onChange={(e) => onSave({ showShortcutHints: e.currentTarget.checked })}
        />
        Show shortcut hints
      </label>
      <label class="choice">
        <input type="checkbox" checked={settings.soundOnWrapUp} onChange={(e) => onSave({ soundOnWrapUp: e.currentTarget.checked })} />
        Soft chime at wrap-up
      </label>
      <SignOff value={settings.emailSignOff} onSave={(emailSignOff) => onSave({ emailSignOff })} />
    </SettingsSection>
  );
}

/** The line e-mail drafts to a client end with; saved when the field is left. */
function SignOff(props: { value: string; onSave(value: string): void }) {
  const id = useId();
  const [draft, setDraft] = useState(props.value);
  useEffect(() => setDraft(props.value), [props.value]);
  const save = () => {
    if (draft !== props.value) props.onSave(draft.trim());
  };
  return (
    <div class="field">
      <label class="field__label" for={id}>
        Sign-off for e-mails
      </label>
      <input
        id={id}
        class="input"
        value={draft}
        maxLength={LIMITS.nameLength}
        aria-describedby={`${id}-hint`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={save}
      />
      <p class="small muted" id={`${id}-hint`}>
        Ends every e-mail draft to a client, e.g. “Warm regards, Sam”. Leave it empty for none.
      </p>
    </div>
  );
}

/** The four phases as percentages of the session; saved once they add up to 100. */
function PhaseSplit(props: { phases: PhasePlan; onSave(phases: PhasePlan): void }) {
  const [draft, setDraft] = useState<PhasePlan>(props.phases);
  useEffect(() => setDraft(props.phases), [props.phases]);
  const total = PHASE_ORDER.reduce((sum, p) => sum + draft[p], 0);

  const change = (phase: keyof PhasePlan, value: number) => {
    const next = { ...draft, [phase]: value };
    setDraft(next);
    if (PHASE_ORDER.reduce((sum, p) => sum + next[p], 0) === 100) props.onSave(next);
  };

  return (
    <fieldset class="fieldset">
      <legend class="field__label">Phase split (% of the session)</legend>
      <div class="settings__grid settings__grid--phases">
        {PHASE_ORDER.map((phase) => (
          <NumberSetting
            key={phase}
            label={`${PHASE_LABELS[phase]} (%)`}
            value={draft[phase]}
            min={0}
            max={100}
            unit="%"
            onSave={(v) => change(phase, v)}
          />
        ))}
      </div>
      <p class={`small ${total === 100 ? 'muted' : 'settings__problem'}`} aria-live="polite">
        {total === 100 ? 'Adds up to 100 %.' : `Adds up to ${total} %: make it 100 % to save the split.`}
      </p>
    </fieldset>
  );
}
