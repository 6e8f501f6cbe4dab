/** What the last action in a settings section came to: a refusal (announced at once) or a quiet note. */
export function Outcome(props: { error: string; message: string }) {
  return (
    <>
      {props.error && (
        <p class="settings__alert" role="alert">
          {props.error}
        </p>
      )}
      <p class="small" role="status" aria-live="polite">
        {props.message}
      </p>
    </>
  );
}
