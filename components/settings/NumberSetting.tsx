import { useEffect, useId, useState } from 'preact/hooks';

/**
 * A whole-number setting. Saved when the value is committed (Enter, blur, the arrows) and valid; an
 * out-of-range value is explained next to the field and not saved.
 */
export function NumberSetting(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  onSave(value: number): void;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [problem, setProblem] = useState('');
  useEffect(() => setText(String(props.value)), [props.value]);

  const commit = (raw: string) => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(value) || value < props.min || value > props.max) {
      setProblem(`Use a whole number from ${props.min} to ${props.max} ${props.unit}.`);
      return;
    }
    setProblem('');
    if (value !== props.value) props.onSave(value);
  };

  return (
    <div class="field settings__number">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="input"
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={text}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      {problem && (
        <p class="settings__problem small" id={`${id}-problem`}>
          {problem}
        </p>
      )}
    </div>
  );
}
