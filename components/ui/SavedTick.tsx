import type { SaveStatus } from '../hooks/useAutosave';
import { Icon } from './Icon';

/** The quiet confirmation of autosave: "Saving…" while a write is out, a small tick once it is stored. */
export function SavedTick(props: { status: SaveStatus }) {
  const { status } = props;
  if (status === 'saving')
    return (
      <span class="saved-tick" aria-hidden="true">
        Saving…
      </span>
    );
  if (status === 'saved')
    return (
      <span class="saved-tick saved-tick--done" aria-hidden="true">
        <Icon name="check" size={12} /> Saved
      </span>
    );
  return null;
}
