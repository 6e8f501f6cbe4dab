import type { ComponentChildren, VNode } from 'preact';
import { useId } from 'preact/hooks';

export interface FieldIds {
  id: string;
  /** Put on the control as `aria-describedby` (undefined when there is no prompt). */
  describedBy: string | undefined;
}

/**
 * A labelled control with an optional prompt (what to ask the client) and a status slot (saved tick).
 * The control comes from a render function so it gets the ids that tie label and prompt to it.
 */
export function Field(props: {
  label: string;
  prompt?: string;
  status?: ComponentChildren;
  footer?: ComponentChildren;
  class?: string;
  children: (ids: FieldIds) => VNode;
}) {
  const id = useId();
  const promptId = props.prompt ? `${id}-prompt` : undefined;
  return (
    <div class={`field ${props.class ?? ''}`}>
      <div class="field__head">
        <label class="field__label" for={id}>
          {props.label}
        </label>
        {props.status}
      </div>
      {props.prompt && (
        <p class="field__prompt" id={promptId}>
          {props.prompt}
        </p>
      )}
      {props.children({ id, describedBy: promptId })}
      {props.footer}
    </div>
  );
}
